"""Inboxes take Follow and Undo(Follow) signed by the sender's key, draft-cavage (signed here
by PyPI `httpsig`) or RFC 9421 (by PyPI `http-message-signatures`), and refuse the rest."""

import json
from datetime import UTC, datetime, timedelta

import httpsig.verify
import pytest
from django.utils.http import http_date

from fediverse.models import Actor, Delivery, Follower, RemoteActor
from tests.factories import AuthorFactory

from .conftest import follow_activity
from .remote import cavage_headers, rfc9421_headers

pytestmark = pytest.mark.django_db
SHARED_INBOX = "/fediverse/inbox"


@pytest.fixture
def columnist():
    return Actor.objects.of_author(AuthorFactory(slug="valer-karbalevich"))


def test_a_cavage_signed_follow_is_accepted_with_a_signed_accept(remote, columnist, post_signed):
    reader = remote.user("reader")

    response = post_signed(SHARED_INBOX, follow_activity(reader, columnist), reader)

    assert response.status_code == 202
    follower = Follower.objects.get(actor=columnist)
    assert (follower.remote.uri, follower.remote.inbox) == (reader.uri, reader.inbox)
    [accept] = remote.received
    assert accept["path"] == "/users/reader/inbox"
    activity = json.loads(accept["body"])
    assert activity["type"] == "Accept"
    assert activity["actor"] == columnist.uri
    assert activity["object"]["id"] == f"{reader.uri}#follows/1"
    columnist.refresh_from_db()
    verifier = httpsig.verify.HeaderVerifier(
        {name.lower(): value for name, value in accept["headers"].items()},
        columnist.public_key(),
        required_headers=["(request-target)", "host", "date", "digest"],
        method="POST",
        path=accept["path"],
        sign_header="signature",
    )
    assert verifier.verify()


def test_an_rfc9421_signed_follow_to_the_actor_inbox_is_accepted(remote, columnist, post_signed):
    reader = remote.user("reader")
    inbox = "/fediverse/actors/valer-karbalevich/inbox"

    response = post_signed(inbox, follow_activity(reader, columnist), reader, sign=rfc9421_headers)

    assert response.status_code == 202
    assert Follower.objects.filter(actor=columnist, remote__uri=reader.uri).exists()


def test_undo_follow_removes_the_follower(remote, columnist, post_signed):
    reader = remote.user("reader")
    follow = follow_activity(reader, columnist)
    post_signed(SHARED_INBOX, follow, reader)
    undo = {"id": f"{reader.uri}#undo/1", "type": "Undo", "actor": reader.uri, "object": follow}

    assert post_signed(SHARED_INBOX, undo, reader).status_code == 202
    assert not Follower.objects.exists()


def test_likes_and_replies_are_acknowledged_and_not_stored(remote, columnist, post_signed):
    reader = remote.user("reader")
    for kind in ["Like", "Create", "Announce"]:
        activity = {"id": f"{reader.uri}#{kind}", "type": kind, "actor": reader.uri}
        activity["object"] = {"type": "Note", "content": "hello", "inReplyTo": columnist.uri}
        assert post_signed(SHARED_INBOX, activity, reader).status_code == 202
    assert not Follower.objects.exists()
    assert not Delivery.objects.exists()


def signed_follow(remote, columnist, reader, **signing):
    body = json.dumps(follow_activity(reader, columnist)).encode()
    return body, cavage_headers(reader, SHARED_INBOX, body, **signing)


def post_raw(client, body, headers):
    return client.post(
        SHARED_INBOX, body, content_type="application/activity+json", headers=headers
    )


def test_an_unsigned_request_is_refused(client, remote, columnist):
    reader = remote.user("reader")
    body = json.dumps(follow_activity(reader, columnist)).encode()

    assert post_raw(client, body, {"Date": http_date()}).status_code == 401
    assert not Follower.objects.exists()


def test_a_tampered_body_is_refused(client, remote, columnist):
    reader = remote.user("reader")
    body, headers = signed_follow(remote, columnist, reader)
    tampered = body.replace(b"follows/1", b"follows/2")

    assert post_raw(client, tampered, headers).status_code == 401
    assert not Follower.objects.exists()


def test_a_tampered_body_with_its_own_digest_is_refused(client, remote, columnist):
    reader = remote.user("reader")
    body, headers = signed_follow(remote, columnist, reader)
    tampered = body.replace(b"follows/1", b"follows/2")
    headers["Digest"] = cavage_headers(reader, SHARED_INBOX, tampered)["Digest"]

    assert post_raw(client, tampered, headers).status_code == 401


def test_a_request_signed_with_another_key_is_refused(client, remote, columnist):
    reader, impostor = remote.user("reader"), remote.user("impostor")
    impostor.uri = reader.uri  # signs as the reader, with a key of its own
    body = json.dumps(follow_activity(reader, columnist)).encode()

    assert post_raw(client, body, cavage_headers(impostor, SHARED_INBOX, body)).status_code == 401
    assert not Follower.objects.exists()


@pytest.mark.parametrize("hours", [-13, 13])
def test_a_stale_or_future_date_is_refused(client, remote, columnist, hours):
    reader = remote.user("reader")
    date = http_date((datetime.now(UTC) + timedelta(hours=hours)).timestamp())
    body, headers = signed_follow(remote, columnist, reader, date=date)

    assert post_raw(client, body, headers).status_code == 401


def test_a_replayed_request_is_refused(client, remote, columnist, publish):
    reader = remote.user("reader")
    body, headers = signed_follow(remote, columnist, reader)

    assert publish(post_raw, client, body, headers).status_code == 202
    Follower.objects.all().delete()
    assert post_raw(client, body, headers).status_code == 401
    assert not Follower.objects.exists()


def test_rfc9421_tampered_body_and_stale_signature_are_refused(client, remote, columnist):
    reader = remote.user("reader")
    body = json.dumps(follow_activity(reader, columnist)).encode()
    headers = rfc9421_headers(reader, SHARED_INBOX, body)
    stale = rfc9421_headers(
        reader, SHARED_INBOX, body, created=datetime.now(UTC) - timedelta(hours=13)
    )

    assert post_raw(client, body + b" ", headers).status_code == 401
    assert post_raw(client, body, stale).status_code == 401
    assert not Follower.objects.exists()


def test_an_activity_by_someone_else_than_the_signer_is_refused(remote, columnist, post_signed):
    reader, other = remote.user("reader"), remote.user("other")

    response = post_signed(SHARED_INBOX, follow_activity(other, columnist), reader)

    assert response.status_code == 401


def test_a_key_rotated_by_the_sender_is_fetched_again(remote, columnist, post_signed):
    reader = remote.user("reader")
    post_signed(SHARED_INBOX, {"type": "Like", "actor": reader.uri}, reader)
    RemoteActor.objects.update(public_key_pem=remote.user("someone").public_pem)

    response = post_signed(SHARED_INBOX, follow_activity(reader, columnist), reader)

    assert response.status_code == 202
    assert RemoteActor.objects.get().public_key_pem == reader.public_pem


def test_following_an_actor_whose_federation_is_off_is_refused(remote, columnist, post_signed):
    reader = remote.user("reader")
    Actor.objects.filter(pk=columnist.pk).update(federated=False)

    response = post_signed(SHARED_INBOX, follow_activity(reader, columnist), reader)

    assert response.status_code == 410
    assert not Follower.objects.exists()
    assert not remote.received
