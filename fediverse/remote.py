"""Talking to other servers: signed fetches of their actors and keys, signed deliveries.

Every request has a short timeout and goes only to public addresses (unless
FEDIVERSE_ALLOW_PRIVATE_ADDRESSES), so that a key id cannot point us at the local network.
Errors, logged and shown in the admin, name the server only: a reader's fediverse address
is theirs.
"""

import ipaddress
import json
import socket
from urllib.error import HTTPError
from urllib.parse import urldefrag, urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import IntegrityError, transaction

from .documents import ACTIVITY_JSON
from .keys import UnreadableKey, load_public_key
from .models import Actor, RemoteActor
from .signatures import SignatureRefused, signed_headers

MAX_DOCUMENT_BYTES = 1_000_000
MAX_ADDRESS = 500  # RemoteActor's address fields


class RemoteError(Exception):
    """Another server failed us. The message names the server, never an account on it."""


def server(url: str) -> str:
    return urlsplit(url).netloc[:100]


def check_address(url: str):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteError("not a web address")
    if settings.FEDIVERSE_ALLOW_PRIVATE_ADDRESSES:
        return
    try:
        found = socket.getaddrinfo(parts.hostname, parts.port or 443)
    except OSError as error:
        raise RemoteError(f"unknown host {parts.hostname}") from error
    if any(not ipaddress.ip_address(info[4][0]).is_global for info in found):
        raise RemoteError(f"{parts.hostname} is not a public address")


def send(method: str, url: str, body: bytes | None, signer: Actor) -> bytes:
    """The body of the answer to a request signed by `signer`; RemoteError unless 2xx."""
    check_address(url)
    headers = signed_headers(method, url, body, signer)
    headers["Accept"] = ACTIVITY_JSON
    if body is not None:
        headers["Content-Type"] = ACTIVITY_JSON
    request = Request(url, data=body, headers=headers, method=method)
    try:
        with urlopen(request, timeout=settings.FEDIVERSE_TIMEOUT) as response:
            return response.read(MAX_DOCUMENT_BYTES)
    except HTTPError as error:
        raise RemoteError(f"{server(url)} answered {error.code}") from error
    except (OSError, ValueError) as error:
        raise RemoteError(f"{server(url)} failed: {error}") from error


def fetch(url: str) -> dict:
    try:
        document = json.loads(send("GET", url, None, Actor.objects.site()))
    except ValueError as error:
        raise RemoteError(f"{server(url)} sent no JSON") from error
    if not isinstance(document, dict):
        raise RemoteError(f"{server(url)} sent no object")
    return document


def remote_actor(key_id: str, refresh: bool = False) -> RemoteActor:
    """The actor owning `key_id`, from our records or fetched from its server."""
    known = RemoteActor.objects.filter(key_id=key_id).first()
    if known and not refresh:
        return known
    try:
        document = fetch(urldefrag(key_id).url)
        if "owner" in document and "publicKey" not in document:  # the key itself
            document = fetch(document["owner"])
        return remember(document, key_id)
    except UnreadableKey as error:  # our own key, which signs the fetch
        raise SignatureRefused("cannot sign the key's fetch: run rotate_actor_keys") from error
    except (RemoteError, LookupError, TypeError, AttributeError, ValueError) as error:
        raise SignatureRefused(f"cannot get the key: {error}") from error


def remember(actor: dict, key_id: str) -> RemoteActor:
    """Keep where `actor` reads and its key `key_id`; RemoteError if they do not fit."""
    keys = actor["publicKey"] if isinstance(actor["publicKey"], list) else [actor["publicKey"]]
    key = next((key for key in keys if key.get("id") == key_id), None)
    if key is None or key.get("owner", actor["id"]) != actor["id"]:
        raise RemoteError("the key does not belong to its actor")
    addresses = {
        "uri": actor["id"],
        "inbox": actor["inbox"],
        "shared_inbox": (actor.get("endpoints") or {}).get("sharedInbox") or "",
    }
    for address in addresses.values():
        if not isinstance(address, str) or len(address) > MAX_ADDRESS:
            raise RemoteError("the actor's addresses are not usable")
        if address:
            check_address(address)
    load_public_key(key["publicKeyPem"])  # a ValueError unless it is a key
    try:
        with transaction.atomic():
            remote, _created = RemoteActor.objects.update_or_create(
                uri=addresses.pop("uri"),
                defaults={**addresses, "key_id": key_id, "public_key_pem": key["publicKeyPem"]},
            )
    except IntegrityError as error:
        raise RemoteError("another actor holds this key") from error
    return remote
