"""Publishing, editing and unpublishing reach followers' servers: once per shared inbox,
signed, retried on failure and given up after a limit; nothing for an actor switched off."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from http_message_signatures import HTTPMessageVerifier, MappingKeyResolver, algorithms

from blog.models import Post
from fediverse.models import Actor, Delivery, Follower, RemoteActor
from tests.factories import AuthorFactory, PostFactory

from .remote import FakeServer, Message

pytestmark = pytest.mark.django_db


def follow(actor: Actor, user) -> Follower:
    remote, _ = RemoteActor.objects.get_or_create(
        uri=user.uri,
        defaults={
            "inbox": user.inbox,
            "shared_inbox": user.shared_inbox,
            "key_id": user.key_id,
            "public_key_pem": user.public_pem,
        },
    )
    return Follower.objects.create(actor=actor, remote=remote)


@pytest.fixture
def coauthors():
    return AuthorFactory(slug="first-author"), AuthorFactory(slug="second-author")


def test_publishing_delivers_one_create_per_shared_inbox(remote, coauthors, publish):
    first, second = coauthors
    follow(Actor.objects.of_author(first), remote.user("ales"))
    follow(Actor.objects.of_author(second), remote.user("hanna"))
    follow(Actor.objects.site(), remote.user("ales"))

    post = publish(PostFactory, authors=[first, second], tags=["Belarus"])

    [create] = remote.activities()
    assert remote.received[0]["path"] == "/inbox"
    assert create["type"] == "Create"
    assert create["actor"] == Actor.objects.of_author(first).uri
    article = create["object"]
    assert article["id"] == f"http://testserver/posts/{post.slug}/"
    assert article["attributedTo"] == [
        Actor.objects.of_author(first).uri,
        Actor.objects.of_author(second).uri,
    ]
    assert article["tag"] == [
        {"type": "Hashtag", "href": "http://testserver/tags/belarus/", "name": "#Belarus"}
    ]
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_inboxes_of_different_servers_each_get_the_post(coauthors, publish):
    with FakeServer() as one, FakeServer() as other:
        follow(Actor.objects.of_author(coauthors[0]), one.user("ales"))
        follow(Actor.objects.of_author(coauthors[0]), other.user("hanna"))
        publish(PostFactory, authors=[coauthors[0]])

        assert [a["type"] for a in one.activities()] == ["Create"]
        assert [a["type"] for a in other.activities()] == ["Create"]


def test_a_dead_server_does_not_keep_the_post_from_the_others(coauthors, publish):
    with FakeServer() as dead, FakeServer() as alive:
        dead.statuses.extend([500] * 10)
        follow(Actor.objects.of_author(coauthors[0]), dead.user("ales"))
        follow(Actor.objects.of_author(coauthors[0]), alive.user("hanna"))
        publish(PostFactory, authors=[coauthors[0]])

        assert [a["type"] for a in alive.activities()] == ["Create"]
    statuses = dict(Delivery.objects.values_list("inbox", "status"))
    assert statuses == {
        f"{dead.url}/inbox": Delivery.Status.GIVEN_UP,
        f"{alive.url}/inbox": Delivery.Status.SENT,
    }


def test_editing_sends_update_and_unpublishing_sends_delete(remote, coauthors, publish):
    follow(Actor.objects.of_author(coauthors[0]), remote.user("ales"))
    post = publish(PostFactory, authors=[coauthors[0]])

    post.title = "A better title"
    publish(post.save)
    post.status = Post.Status.DRAFT
    publish(post.save)

    create, update, delete = remote.activities()
    assert update["type"] == "Update"
    assert update["object"]["name"] == "A better title"
    assert delete["type"] == "Delete"
    assert delete["object"] == {
        "id": create["object"]["id"],
        "type": "Tombstone",
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
    }


def test_a_server_answering_500_is_retried_then_given_up(remote, coauthors, publish, settings):
    follow(Actor.objects.of_author(coauthors[0]), remote.user("ales"))
    remote.statuses.extend([500] * 10)

    publish(PostFactory, authors=[coauthors[0]])

    assert len(remote.received) == settings.FEDIVERSE_MAX_ATTEMPTS == 3
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.GIVEN_UP
    assert delivery.attempts == 3
    assert "500" in delivery.reason


def test_a_server_that_recovers_gets_the_post(remote, coauthors, publish):
    follow(Actor.objects.of_author(coauthors[0]), remote.user("ales"))
    remote.statuses.extend([500])

    publish(PostFactory, authors=[coauthors[0]])

    assert [a["type"] for a in remote.activities()] == ["Create", "Create"]
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_an_author_with_federation_off_is_gone_and_gets_nothing_delivered(
    client, remote, coauthors, publish
):
    columnist = Actor.objects.of_author(coauthors[0])
    follow(columnist, remote.user("ales"))
    Actor.objects.filter(pk=columnist.pk).update(federated=False)
    Actor.objects.filter(pk=Actor.objects.site().pk).update(federated=False)

    publish(PostFactory, authors=[coauthors[0]])

    assert not remote.received
    assert client.get("/fediverse/actors/first-author").status_code == 410
    webfinger = "/.well-known/webfinger?resource=acct:first-author@testserver"
    assert client.get(webfinger).status_code == 410


def test_a_switched_off_coauthor_is_left_out_of_the_article(remote, coauthors, publish):
    first, second = coauthors
    follow(Actor.objects.of_author(first), remote.user("ales"))
    follow(Actor.objects.of_author(second), remote.user("hanna"))
    Actor.objects.filter(author=second).update(federated=False)

    publish(PostFactory, authors=[first, second])

    [create] = remote.activities()
    assert create["object"]["attributedTo"] == [Actor.objects.of_author(first).uri]


def test_rotating_keys_shows_the_new_key_and_tells_followers(client, remote, coauthors, publish):
    columnist = Actor.objects.of_author(coauthors[0])
    follow(columnist, remote.user("ales"))
    old_key = client.get("/fediverse/actors/first-author").json()["publicKey"]["publicKeyPem"]

    publish(call_command, "rotate_actor_keys", "first-author", stdout=StringIO())

    new_key = client.get("/fediverse/actors/first-author").json()["publicKey"]["publicKeyPem"]
    assert new_key != old_key
    [update] = remote.activities()
    assert update["type"] == "Update"
    assert update["object"]["publicKey"]["publicKeyPem"] == new_key


def test_rotating_keys_of_an_unknown_actor_fails_with_one_line():
    with pytest.raises(CommandError, match="No fediverse actor is called 'nobody'"):
        call_command("rotate_actor_keys", "nobody")


def test_deliveries_signed_with_rfc9421_verify_with_an_independent_library(
    remote, coauthors, publish, settings
):
    settings.FEDIVERSE_SIGNATURE_STYLE = "rfc9421"
    columnist = Actor.objects.of_author(coauthors[0])
    follow(columnist, remote.user("ales"))

    publish(PostFactory, authors=[coauthors[0]])

    [request] = remote.received
    columnist.refresh_from_db()
    verifier = HTTPMessageVerifier(
        signature_algorithm=algorithms.RSA_V1_5_SHA256,
        key_resolver=MappingKeyResolver(
            public_keys={columnist.key_id: columnist.public_key().encode()}, private_keys={}
        ),
    )
    message = Message("POST", f"{remote.url}{request['path']}", request["headers"])
    [result] = verifier.verify(
        message, require_components=("@method", "@target-uri"), body=request["body"]
    )
    assert result.parameters["keyid"] == columnist.key_id
    assert "Signature" in request["headers"]


def test_a_key_made_under_another_secret_key_gives_up_with_advice(
    remote, coauthors, publish, settings
):
    columnist = Actor.objects.of_author(coauthors[0])
    columnist.public_key()
    follow(columnist, remote.user("ales"))
    settings.SECRET_KEY = "another secret key for this site"

    publish(PostFactory, authors=[coauthors[0]])

    assert not remote.received
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.GIVEN_UP
    assert "rotate_actor_keys" in delivery.reason
