"""The addresses the site gives out: absolute ones, always on SITE_URL (they must not depend
on the Host header a request happened to carry), and share links as plain addresses (no
third-party scripts, buttons or trackers)."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _


def absolute_url(path: str, base: str = "") -> str:
    """`path` on `base` (SITE_URL unless given)."""
    if path.startswith(("http://", "https://")):
        return path
    return (base or settings.SITE_URL).rstrip("/") + iri_to_uri(path)


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
