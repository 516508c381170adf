"""What an inbox does with a request: check who signed it, then act on `Follow` and
`Undo(Follow)`. Everything else (likes, replies, boosts) is acknowledged and forgotten."""

import hashlib
import logging
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from . import articles
from .delivery import deliver
from .models import Actor, Follower, RemoteActor, SeenSignature
from .remote import remote_actor
from .signatures import SignatureRefused, SignedRequest, verify

logger = logging.getLogger(__name__)


class Refused(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status


def authenticate(request: SignedRequest) -> RemoteActor:
    """The remote actor that signed `request`, once: a replayed signature is refused."""
    try:
        key_id = verify(request, lambda key: remote_actor(key).public_key_pem)
    except SignatureRefused:
        # Perhaps the sender rotated its key since we kept it: fetch it again, once.
        key_id = verify(request, lambda key: remote_actor(key, refresh=True).public_key_pem)
    remember_signature(request)
    return RemoteActor.objects.get(key_id=key_id)


def remember_signature(request: SignedRequest):
    now = timezone.now()
    digest = hashlib.sha256(request.signature_text.encode()).hexdigest()
    forgotten = now - 2 * settings.FEDIVERSE_SIGNATURE_MAX_AGE
    SeenSignature.objects.filter(seen_at__lt=forgotten).delete()
    try:
        with transaction.atomic():
            SeenSignature.objects.create(digest=digest, seen_at=now)
    except IntegrityError as error:
        raise SignatureRefused("this signed request was received before") from error


def receive(activity: dict, sender: RemoteActor):
    if activity.get("actor") != sender.uri:
        raise Refused(401, "the activity's actor did not sign it")
    kind = activity.get("type")
    if kind == "Follow":
        follow(activity, sender)
    elif kind == "Undo" and isinstance(activity.get("object"), dict):
        undo(activity["object"], sender)


def named_actor(target) -> Actor | None:
    """Our actor that `target` (an address, or an object with an id) names, or None."""
    target = target.get("id") if isinstance(target, dict) else target
    username = local_username(target) if isinstance(target, str) else ""
    return Actor.objects.named(username) if username else None


def followed_actor(follow: dict) -> Actor:
    actor = named_actor(follow.get("object"))
    if actor is None:
        raise Refused(404, "no such actor here")
    if not actor.federated:
        raise Refused(410, "this actor is not in the fediverse")
    return actor


def local_username(uri: str, view_name: str = "fediverse:actor", key: str = "username") -> str:
    """The username in one of our actor addresses (or other pages naming one), or ""."""
    if not uri.startswith(settings.SITE_URL + "/"):
        return ""
    try:
        match = resolve(unquote(urlsplit(uri).path))
    except Resolver404:
        return ""
    return match.kwargs.get(key, "") if match.view_name == view_name else ""


def follow(activity: dict, sender: RemoteActor):
    actor = followed_actor(activity)
    Follower.objects.get_or_create(actor=actor, remote=sender)
    logger.info("fediverse: %s gained a follower", actor)
    accept = articles.activity("Accept", actor, activity, audience=[sender.uri])
    deliver(accept, actor, [sender.inbox])


def undo(activity: dict, sender: RemoteActor):
    actor = named_actor(activity.get("object"))
    if activity.get("type") == "Follow" and activity.get("actor") == sender.uri and actor:
        Follower.objects.filter(remote=sender, actor=actor).delete()
