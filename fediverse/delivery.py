"""Delivering activities: one `Delivery` row per inbox, each sent by its own task, signed,
retried later and later, and given up after FEDIVERSE_MAX_ATTEMPTS — a dead server costs
its own rows a short timeout each and nobody else anything."""

import json
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import articles
from .keys import UnreadableKey
from .models import Actor, Delivery, FederatedPost, Follower
from .remote import RemoteError, send

logger = logging.getLogger(__name__)
UNREADABLE_KEY = "the sender's key cannot be read (SECRET_KEY changed?): run rotate_actor_keys"


def follower_inboxes(actors) -> list[str]:
    """Each inbox the followers of `actors` read, once (a server's shared inbox, if it has one)."""
    follows = Follower.objects.filter(actor__in=actors).select_related("remote")
    return sorted({follow.remote.delivery_inbox for follow in follows})


def deliver(activity: dict, sender: Actor, inboxes):
    rows = Delivery.objects.bulk_create(
        [Delivery(sender=sender, inbox=inbox, activity=activity) for inbox in inboxes]
    )
    for row in rows:
        transaction.on_commit(lambda pk=row.pk: send_delivery.enqueue(pk))


def bylines(post) -> tuple[list[Actor], list[Actor]]:
    """(who the post is attributed to, whose followers get it): its federated authors in
    byline order, or the site when none is; the federated authors and the site."""
    audience = Actor.objects.of_post(post)
    authors = [actor for actor in audience if actor.kind == Actor.Kind.PERSON]
    return authors or audience[-1:], audience


def federate(post, kind: str):
    """Send a Create or Update of `post` to the followers of its actors; remember the version."""
    authors, audience = bylines(post)
    FederatedPost.objects.update_or_create(post=post, defaults={"sent_version": post.updated_at})
    if authors:
        make = articles.create if kind == "Create" else articles.update
        deliver(make(post, authors), authors[0], follower_inboxes(audience))


def withdraw(post, post_url: str):
    """Send a Delete of the post (now unpublished or deleted) to everyone it was sent to."""
    FederatedPost.objects.filter(post=post).delete()
    authors, audience = bylines(post)
    if authors:
        deliver(articles.delete(post_url, authors[0]), authors[0], follower_inboxes(audience))


@task()
def send_delivery(delivery_id: int):
    delivery = Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.QUEUED).first()
    if delivery is None:
        return
    body = json.dumps(delivery.activity).encode()
    try:
        send("POST", delivery.inbox, body, delivery.sender)
    except RemoteError as error:
        retry_later(delivery, str(error))
    except UnreadableKey:
        delivery.record(Delivery.Status.GIVEN_UP, UNREADABLE_KEY)
        logger.error("fediverse delivery %s given up: %s", delivery.pk, UNREADABLE_KEY)
    else:
        delivery.record(Delivery.Status.SENT)


def retry_later(delivery: Delivery, reason: str):
    if delivery.attempts + 1 >= settings.FEDIVERSE_MAX_ATTEMPTS:
        delivery.record(Delivery.Status.GIVEN_UP, reason)
        logger.warning("fediverse delivery %s given up: %s", delivery.pk, reason)
        return
    delivery.record(Delivery.Status.QUEUED, reason)
    retry = send_delivery
    if send_delivery.get_backend().supports_defer:
        delay = settings.FEDIVERSE_FIRST_RETRY_DELAY * 2 ** (delivery.attempts - 1)
        retry = send_delivery.using(run_after=timezone.now() + delay)
    retry.enqueue(delivery.pk)
