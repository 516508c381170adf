"""HTTP signatures, both kinds the fediverse sends: draft-cavage (`Signature:` with keyId,
headers and signature, as Mastodon signs) and RFC 9421 HTTP Message Signatures
(`Signature-Input:` and `Signature:`, verified with PyPI `http-message-signatures`).

We sign cavage, which every server verifies, unless FEDIVERSE_SIGNATURE_STYLE says
"rfc9421". A request we accept must cover its method and
address, carry a date (or `created`) within FEDIVERSE_SIGNATURE_MAX_AGE and, with a body, a
digest of it; `verify` returns the key id the request was signed with.
"""

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature as BadRsaSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from django.conf import settings
from django.utils.datastructures import CaseInsensitiveMapping
from django.utils.http import http_date, parse_http_date_safe
from http_message_signatures import (
    HTTPMessageSignaturesException,
    HTTPMessageSigner,
    HTTPMessageVerifier,
    HTTPSignatureKeyResolver,
    algorithms,
)

from . import keys

CAVAGE_PARAM = re.compile(r'(\w+)="([^"]*)"')
CAVAGE_ALGORITHMS = {"rsa-sha256", "hs2019"}
SIGNED_HEADERS = ("(request-target)", "host", "date", "digest")


class SignatureRefused(Exception):
    """The request is unsigned, stale, tampered with, or signed by a key that does not fit."""


@dataclass(frozen=True)
class SignedRequest:
    method: str
    url: str
    headers: dict  # any case-insensitive mapping of the request's headers
    body: bytes

    @property
    def target(self) -> str:
        parts = urlsplit(self.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    @property
    def signature_text(self) -> str:
        return self.headers.get("Signature-Input", "") + self.headers.get("Signature", "")


def body_digest(body: bytes) -> str:
    return "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()


def signed_headers(method: str, url: str, body: bytes | None, actor) -> dict[str, str]:
    """The headers that sign this request as `actor`, in FEDIVERSE_SIGNATURE_STYLE."""
    if settings.FEDIVERSE_SIGNATURE_STYLE == "rfc9421":
        return rfc9421_headers(method, url, body, actor)
    return cavage_headers(method, url, body, actor)


class OwnKey(HTTPSignatureKeyResolver):
    def __init__(self, actor):
        self.actor = actor

    def resolve_private_key(self, key_id: str):
        return self.actor.private_key()


def rfc9421_headers(method: str, url: str, body: bytes | None, actor) -> dict[str, str]:
    """RFC 9421 (rsa-v1_5-sha256) over the method, address and, with a body, its digest."""
    headers = {"Host": urlsplit(url).netloc, "Date": http_date()}
    components = ("@method", "@target-uri", *(["content-digest"] if body is not None else []))
    signer = HTTPMessageSigner(
        signature_algorithm=algorithms.RSA_V1_5_SHA256, key_resolver=OwnKey(actor)
    )
    signer.sign(
        SignedRequest(method, url, headers, body or b""),
        key_id=actor.key_id,
        covered_component_ids=components,
        body=body,
    )
    return headers


def cavage_headers(method: str, url: str, body: bytes | None, actor) -> dict[str, str]:
    """draft-cavage (rsa-sha256) over (request-target), host, date and, with a body, digest."""
    headers = {"Host": urlsplit(url).netloc, "Date": http_date()}
    names = SIGNED_HEADERS if body is not None else SIGNED_HEADERS[:3]
    if body is not None:
        headers["Digest"] = body_digest(body)
    request = SignedRequest(method, url, CaseInsensitiveMapping(headers), body or b"")
    text = cavage_signing_text(request, names, {})
    signature = actor.private_key().sign(text.encode(), padding.PKCS1v15(), hashes.SHA256())
    headers["Signature"] = ",".join(
        [
            f'keyId="{actor.key_id}"',
            'algorithm="rsa-sha256"',
            f'headers="{" ".join(names)}"',
            f'signature="{base64.b64encode(signature).decode()}"',
        ]
    )
    return headers


def cavage_signing_text(request: SignedRequest, names, params: dict) -> str:
    lines = []
    for name in names:
        if name == "(request-target)":
            lines.append(f"{name}: {request.method.lower()} {request.target}")
        elif name in ("(created)", "(expires)"):
            lines.append(f"{name}: {params.get(name[1:-1], '')}")
        elif name in request.headers:
            lines.append(f"{name}: {request.headers[name]}")
        else:
            raise SignatureRefused(f"signed header {name} is missing")
    return "\n".join(lines)


def verify(request: SignedRequest, public_key_of) -> str:
    """The key id that signed `request`; `public_key_of(key_id)` gives its PEM."""
    if "Signature-Input" in request.headers:
        return verify_rfc9421(request, public_key_of)
    if "Signature" in request.headers:
        return verify_cavage(request, public_key_of)
    raise SignatureRefused("the request is not signed")


def verify_cavage(request: SignedRequest, public_key_of) -> str:
    params = dict(CAVAGE_PARAM.findall(request.headers["Signature"]))
    names = params.get("headers", "date").lower().split()
    required = {"(request-target)", "host"} | ({"digest"} if request.body else set())
    if not required <= set(names) or not {"date", "(created)"} & set(names):
        raise SignatureRefused("the signature does not cover the request")
    if params.get("algorithm", "hs2019") not in CAVAGE_ALGORITHMS or "keyId" not in params:
        raise SignatureRefused("unknown signature algorithm or key")
    check_fresh(signing_time(request, params))
    if request.body and request.headers.get("Digest") != body_digest(request.body):
        raise SignatureRefused("the body does not match its digest")
    text = cavage_signing_text(request, names, params)
    public_key = keys.load_public_key(public_key_of(params["keyId"]))
    try:
        signature = base64.b64decode(params.get("signature", ""), validate=True)
        public_key.verify(signature, text.encode(), padding.PKCS1v15(), hashes.SHA256())
    except (ValueError, BadRsaSignature) as error:
        raise SignatureRefused("the signature does not verify") from error
    return params["keyId"]


def signing_time(request: SignedRequest, params: dict) -> datetime:
    if params.get("created", "").isdigit():
        return datetime.fromtimestamp(int(params["created"]), UTC)
    seconds = parse_http_date_safe(request.headers.get("Date", ""))
    if seconds is None:
        raise SignatureRefused("the request has no date")
    return datetime.fromtimestamp(seconds, UTC)


def check_fresh(signed_at: datetime):
    if abs(datetime.now(UTC) - signed_at) > settings.FEDIVERSE_SIGNATURE_MAX_AGE:
        raise SignatureRefused("the signature is stale or from the future")


class KeyResolver(HTTPSignatureKeyResolver):
    def __init__(self, public_key_of):
        self.public_key_of = public_key_of
        self.key_id = None

    def resolve_public_key(self, key_id: str):
        self.key_id = key_id
        return keys.load_public_key(self.public_key_of(key_id))


def verify_rfc9421(request: SignedRequest, public_key_of) -> str:
    resolver = KeyResolver(public_key_of)
    verifier = HTTPMessageVerifier(
        signature_algorithm=algorithms.RSA_V1_5_SHA256, key_resolver=resolver
    )
    try:
        verifier.verify(
            request,
            max_age=settings.FEDIVERSE_SIGNATURE_MAX_AGE,
            require_components=("@method", "@target-uri"),
            body=request.body,
        )
    except HTTPMessageSignaturesException as error:
        raise SignatureRefused(f"the signature does not verify: {error}") from error
    return resolver.key_id
