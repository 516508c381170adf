"""The hosts of the mirror tests: the main address, one mirror and the onion address, and
what a response says about the hosts it links to."""

import html
import re
from urllib.parse import unquote, urlsplit

MAIN = "https://columnist.example"
MIRROR = "https://mirror.example"
ONION = "http://columnistexampleabcdefghijklmnopqrstuvwxyz234567onion.onion"
OURS = {urlsplit(origin).netloc for origin in (MAIN, MIRROR, ONION)}

ABSOLUTE_URL = re.compile(r"https?://[^\s\"'<>\\)(]+")
# The two addresses that keep the main host whatever the request's (seo/meta.py).
MAIN_ONLY = re.compile(
    r'<link rel="canonical" href="[^"]*">|<meta property="og:url" content="[^"]*">'
)


def get(client, path, origin):
    parts = urlsplit(origin)
    return client.get(path, HTTP_HOST=parts.netloc, secure=parts.scheme == "https")


def linked_urls(text: str) -> list[str]:
    """Every absolute http(s) address in a response, found also inside escaped HTML, JSON
    (\\/) and percent-encoded query strings (share links)."""
    readable = unquote(html.unescape(text)).replace("\\/", "/")
    return ABSOLUTE_URL.findall(readable)


def own_hosts_linked(text: str) -> set[str]:
    """The hosts of ours (main, mirror, onion) that `text` links to, canonical and og:url aside."""
    return {urlsplit(url).netloc for url in linked_urls(MAIN_ONLY.sub("", text))} & OURS
