"""Editors switch federation off in the admin; keys are only fetched from public servers."""

import json

import pytest
from django.urls import reverse

from fediverse.models import Actor, Follower
from tests.factories import AuthorFactory, UserFactory

from .conftest import follow_activity
from .remote import cavage_headers

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(groups=["Editors"]))
    return client


def test_editors_see_every_actor_and_switch_an_author_off(editor):
    AuthorFactory(name="Valer Karbalevich", slug="valer-karbalevich")

    listing = editor.get(reverse("admin:fediverse_actor_changelist"))
    actor = Actor.objects.get(author__slug="valer-karbalevich")
    saved = editor.post(reverse("admin:fediverse_actor_change", args=[actor.pk]), {})

    assert listing.status_code == 200
    assert "@valer-karbalevich" in listing.text
    assert "@columns" in listing.text
    assert saved.status_code == 302
    assert Actor.objects.get(pk=actor.pk).federated is False
    assert editor.get("/fediverse/actors/valer-karbalevich").status_code == 410


def test_the_site_actor_switched_off_is_gone(editor, client):
    site = Actor.objects.site()

    editor.post(reverse("admin:fediverse_actor_change", args=[site.pk]), {})

    assert client.get("/fediverse/actors/columns").status_code == 410
    webfinger = client.get("/.well-known/webfinger?resource=acct:columns@testserver")
    assert webfinger.status_code == 410


def test_authors_cannot_open_the_fediverse_admin(client):
    client.force_login(UserFactory(groups=["Authors"]))

    response = client.get(reverse("admin:fediverse_actor_changelist"))

    assert response.status_code == 403


def test_a_key_on_a_private_address_is_not_fetched(client, remote, settings):
    settings.FEDIVERSE_ALLOW_PRIVATE_ADDRESSES = False
    reader = remote.user("reader")  # on 127.0.0.1
    columnist = Actor.objects.of_author(AuthorFactory(slug="valer-karbalevich"))
    body = json.dumps(follow_activity(reader, columnist)).encode()
    headers = cavage_headers(reader, "/fediverse/inbox", body)

    response = client.post(
        "/fediverse/inbox", body, content_type="application/activity+json", headers=headers
    )

    assert response.status_code == 401
    assert not Follower.objects.exists()


def test_a_body_that_is_not_json_is_refused_after_its_signature(client, remote, publish):
    reader = remote.user("reader")
    body = b"not json"

    response = publish(
        client.post,
        "/fediverse/inbox",
        body,
        content_type="application/activity+json",
        headers=cavage_headers(reader, "/fediverse/inbox", body),
    )

    assert response.status_code == 400


@pytest.mark.parametrize(
    "broken",
    [
        {"publicKeyPem": "not a key"},
        {"owner": "http://elsewhere.example/users/someone"},
        {"id": "http://elsewhere.example/key"},
    ],
)
def test_an_unusable_remote_key_is_a_refusal_not_an_error(client, remote, broken):
    reader = remote.user("reader")
    columnist = Actor.objects.of_author(AuthorFactory(slug="valer-karbalevich"))
    document = reader.document()
    document["publicKey"] |= broken
    reader.document = lambda: document
    body = json.dumps(follow_activity(reader, columnist)).encode()

    response = client.post(
        "/fediverse/inbox",
        body,
        content_type="application/activity+json",
        headers=cavage_headers(reader, "/fediverse/inbox", body),
    )

    assert response.status_code == 401
    assert not Follower.objects.exists()
