"""Share links as plain addresses: no third-party scripts, buttons or trackers."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _


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
