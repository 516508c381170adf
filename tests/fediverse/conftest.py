import json

import pytest

from fediverse.models import Actor

from .remote import FakeServer, cavage_headers

SITE = "http://testserver"


@pytest.fixture(autouse=True)
def fediverse_settings(settings):
    settings.SITE_URL = SITE
    settings.FEDIVERSE_MAX_ATTEMPTS = 3


@pytest.fixture
def remote():
    with FakeServer() as server:
        yield server


@pytest.fixture
def post_signed(client, publish):
    """POST `activity` to `path`, signed by `user` with `sign` (cavage by default)."""

    def post(path, activity, user, sign=cavage_headers, **signing):
        body = json.dumps(activity).encode()
        headers = sign(user, path, body, **signing)
        return publish(
            client.post,
            path,
            body,
            content_type="application/activity+json",
            headers=headers,
        )

    return post


def follow_activity(user, actor: Actor) -> dict:
    return {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": f"{user.uri}#follows/1",
        "type": "Follow",
        "actor": user.uri,
        "object": actor.uri,
    }
