"""The addresses the site gives out: absolute ones, and share links as plain addresses (no
third-party scripts, buttons or trackers).

Absolute addresses are on the *public origin* of the work being done: SITE_URL, or — while
a request that came through a mirror or the onion address is answered — that mirror's or
onion's origin (settings MIRROR_ORIGINS, ONION_ORIGIN), so that a reader who reached the
site where the main host is blocked is never sent back to it. The origin is set per request
by `mirrors.middleware.PublicOriginMiddleware` from the validated Host, and only ever to one
of those configured origins: any other Host header (a load balancer's, 127.0.0.1) gets
SITE_URL. Work outside a request (mail, WebSub) runs on SITE_URL, or inside `serving(origin)`.
Addresses that must name the main host whatever the request (rel=canonical, og:url) use
`main_url`.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _

_public_origin: ContextVar[str] = ContextVar("public_origin", default="")


def public_origin() -> str:
    """The origin absolute addresses are on now: the request's mirror or onion, or SITE_URL."""
    return _public_origin.get() or settings.SITE_URL


def origin_for_host(host: str) -> str:
    """The configured origin whose host (with its port, if any) is `host`; SITE_URL for any
    host that is neither a mirror nor the onion address."""
    alternatives = [*settings.MIRROR_ORIGINS, settings.ONION_ORIGIN]
    return next(
        (
            origin
            for origin in alternatives
            if origin and urlsplit(origin).netloc.lower() == host.lower()
        ),
        settings.SITE_URL,
    )


@contextmanager
def serving(origin: str):
    """Make absolute addresses within the block use `origin` (e.g. "https://mirror.example")."""
    token = _public_origin.set(origin)
    try:
        yield
    finally:
        _public_origin.reset(token)


def absolute_url(path: str, base: str = "") -> str:
    """`path` on `base` (the current public origin unless given)."""
    if path.startswith(("http://", "https://")):
        return path
    return (base or public_origin()).rstrip("/") + iri_to_uri(path)


def main_url(path: str) -> str:
    """`path` on SITE_URL, whichever host the reader came through (canonical, og:url)."""
    return absolute_url(path, settings.SITE_URL)


def file_url(field_file, base: str = "") -> str:
    """The absolute address of an uploaded file, or "" when there is none."""
    return absolute_url(field_file.url, base) if field_file else ""


@dataclass(frozen=True)
class ShareLink:
    service: str
    label: str
    href: str


def share_links(url: str, title: str) -> list[ShareLink]:
    """Links that open each service's own share dialog for `url`."""
    return [
        ShareLink(
            "facebook",
            _("Facebook"),
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        ShareLink(
            "x", _("X"), "https://x.com/intent/post?" + urlencode({"url": url, "text": title})
        ),
        ShareLink(
            "telegram",
            _("Telegram"),
            "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
        ),
        ShareLink(
            "email",
            _("Email"),
            "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        ),
    ]
