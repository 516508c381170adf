"""Interoperability with an independent ActivityPub implementation: Fedify (npm
`@fedify/fedify`, tests/fediverse/interop/) on 127.0.0.1 finds a columnist by WebFinger,
follows him and gets our signed Accept, then Create, Update and Delete as an editor
publishes, edits and unpublishes a column by him and a co-author. Fedify verifies every
signature of ours; we verify its.

Fedify asks for `acct:` WebFinger resources over https; the script sends its requests to our
test server's host as plain http instead (as a TLS-terminating proxy would), changing
nothing else."""

import json
import shutil
import subprocess
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from blog.roles import grant_roles
from editorial.workflow import TRANSITIONS, apply_transition
from fediverse import signatures
from fediverse.models import Actor, Follower
from tests.factories import AuthorFactory, PostFactory, UserFactory

INTEROP = Path(__file__).parent / "interop"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js 20 or later"),
]


@pytest.fixture(scope="module")
def fedify():
    if not (INTEROP / "node_modules" / "@fedify" / "fedify").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=INTEROP, check=True)
    process = subprocess.Popen(
        ["node", "follower.mjs"], cwd=INTEROP, stdout=subprocess.PIPE, text=True
    )
    try:
        port = process.stdout.readline().split()[-1]
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(autouse=True)
def roles(transactional_db):
    """The groups a migration created, again: another live-server test may have emptied
    the database since."""
    grant_roles(Group, Permission)


def control(fedify: str, path: str, payload=None):
    data = None if payload is None else json.dumps(payload).encode()
    try:
        with urlopen(Request(f"{fedify}/control/{path}", data=data), timeout=60) as response:
            return json.loads(response.read())
    except HTTPError as error:  # the script answers with Fedify's error
        raise AssertionError(error.read().decode()) from error


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def events_after(fedify: str, count: int) -> list[dict]:
    """What Fedify's inbox accepted, once it holds `count` activities (it answers first)."""
    for _ in range(50):
        events = control(fedify, "events")
        if len(events) >= count:
            return events
        time.sleep(0.1)
    return events


@pytest.fixture
def verified_styles(monkeypatch):
    """The kind of each signature our inboxes verified ("rfc9421" or "cavage")."""
    styles = []
    for style in ["rfc9421", "cavage"]:
        verifier = getattr(signatures, f"verify_{style}")

        def verify(request, public_key_of, verifier=verifier, style=style):
            key_id = verifier(request, public_key_of)
            styles.append(style)
            return key_id

        monkeypatch.setattr(signatures, f"verify_{style}", verify)
    return styles


def test_fedify_follows_a_columnist_and_gets_his_columns(
    fedify, live_server, settings, verified_styles
):
    settings.SITE_URL = live_server.url
    settings.TASKS = DATABASE_TASKS
    columnist = AuthorFactory(name="Valer Karbalevich", slug="valer-karbalevich")
    coauthor = AuthorFactory(name="Co Author", slug="co-author")
    editor = UserFactory(groups=["Editors"])

    host = live_server.url.removeprefix("http://")
    handle = f"acct:valer-karbalevich@{host}"
    found = control(fedify, "follow", {"resource": handle, "plainHttp": host})
    run_worker()
    [accept] = events_after(fedify, 1)

    actor = Actor.objects.of_author(columnist)
    assert found == {
        "subject": handle,
        "actor": actor.uri,
        "name": "Valer Karbalevich",
    }
    assert verified_styles == ["cavage"]  # Fedify 1.5 signs draft-cavage, as Mastodon does
    follower = Follower.objects.get(actor=actor)
    assert follower.remote.uri == f"{fedify}/users/reader"
    assert accept["type"] == "Accept"
    assert accept["actor"] == actor.uri
    assert accept["object"]["type"] == "Follow"

    post = PostFactory(authors=[columnist, coauthor], status="draft", publish_at=None)
    apply_transition(post, TRANSITIONS["publish"], editor)
    run_worker()
    post.title = "An edited title"
    post.save()
    run_worker()
    apply_transition(post, TRANSITIONS["unpublish"], editor)
    run_worker()

    accept, create, update, delete = events_after(fedify, 4)
    post_url = f"{live_server.url}{post.get_absolute_url()}"
    assert create["type"] == "Create"
    assert create["actor"] == actor.uri
    assert create["object"]["type"] == "Article"
    assert create["object"]["id"] == post_url
    assert create["object"]["attributedTo"] == [actor.uri, Actor.objects.of_author(coauthor).uri]
    assert update["type"] == "Update"
    assert update["object"]["name"] == "An edited title"
    assert delete["type"] == "Delete"
    assert delete["object"] == {
        "type": "Tombstone",
        "id": post_url,
        "name": None,
        "attributedTo": [],
    }
