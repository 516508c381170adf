"""Where a reader's page is kept, and what decides which page a request gets.

Everything here reads a request's META — a WSGI environ — so that the WSGI front
(`pagecache.wsgi`) and the middleware find the same page. A page is kept under the
current generation's token and its address: scheme, host, path and query, and the
language the response is in. Addresses with a query (search, "Older" pages, tracking
parameters) live in a cache of their own, so that they never push posts out.

A request asking for ActivityStreams JSON rather than a page is never answered from the
cache nor kept. Only a session or messages cookie makes a reader's page personal; other cookies (the
CSRF token, the language, analytics, a load balancer's) change nothing. A page that
varies with Accept-Encoding (a gzipped feed) is kept once per encoding; every other
page once.
"""

import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import has_vary_header
from django.utils.http import parse_etags, parse_http_date_safe
from django.utils.translation import get_language_from_request

from .generation import Generation

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# A fediverse server asking a page's address for its ActivityStreams JSON (fediverse/
# negotiation.py answers it): kept pages are what browsers get, so it goes past the cache.
ASKS_FOR_ACTIVITY_JSON = re.compile(r"application/(activity|ld)\+json", re.IGNORECASE)
VARIES_BY_ENCODING = "varies-by-accept-encoding"
NOT_MODIFIED = frozenset(
    {"cache-control", "content-location", "date", "etag", "expires", "last-modified", "vary"}
)


@dataclass(frozen=True)
class CachedPage:
    content: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str | None
    last_modified: str | None

    @classmethod
    def of(cls, response) -> "CachedPage":
        headers = tuple(response.headers.items())
        return cls(response.content, headers, response.get("ETag"), response.get("Last-Modified"))

    def answer(self, meta) -> tuple[int, list[tuple[str, str]], bytes]:
        """Status, headers and body for this request: 304 when the reader's copy is
        current, no body for HEAD."""
        if self.is_held_by(meta):
            kept = [(name, value) for name, value in self.headers if name.lower() in NOT_MODIFIED]
            return 304, kept, b""
        body = b"" if meta.get("REQUEST_METHOD") == "HEAD" else self.content
        return 200, list(self.headers), body

    def is_held_by(self, meta) -> bool:
        """Whether the reader's conditional request names this page as the copy they hold."""
        return is_not_modified(meta, self.etag, self.last_modified)

    def response(self, meta) -> HttpResponse:
        status, headers, body = self.answer(meta)
        return HttpResponse(body, status=status, headers=dict(headers))


def is_not_modified(meta, etag: str | None, last_modified: str | None) -> bool:
    """Whether a conditional GET or HEAD matches these validators (RFC 9110: If-None-Match,
    compared weakly, takes precedence over If-Modified-Since)."""
    if_none_match = meta.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        theirs = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
        return etag is not None and ("*" in theirs or etag.removeprefix("W/") in theirs)
    if_modified_since = meta.get("HTTP_IF_MODIFIED_SINCE")
    if not (if_modified_since and last_modified):
        return False
    since, changed = parse_http_date_safe(if_modified_since), parse_http_date_safe(last_modified)
    return since is not None and changed is not None and changed <= since


def is_cacheable_request(meta) -> bool:
    return (
        settings.PAGE_CACHE
        and meta.get("REQUEST_METHOD") in ("GET", "HEAD")
        and not meta.get("PATH_INFO", "").startswith(settings.STATIC_URL)
        and not ASKS_FOR_ACTIVITY_JSON.search(meta.get("HTTP_ACCEPT", ""))
    )


def carries_personal_cookies(cookies) -> bool:
    return settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies


class Shelf:
    """The place of one request's page under a generation."""

    def __init__(self, meta, cookies, generation: Generation):
        self.meta = meta
        self.cache = caches["query_pages" if meta.get("QUERY_STRING") else "pages"]
        self.key = f"page:{generation.token}:{address_digest(meta, cookies)}"

    def find(self) -> CachedPage | None:
        page = self.cache.get(self.key)
        if page == VARIES_BY_ENCODING:
            page = self.cache.get(self.encoded_key())
        return page

    def keep(self, page: CachedPage, response):
        timeout = settings.PAGE_CACHE_TIMEOUT
        if has_vary_header(response, "Accept-Encoding"):
            pages = {self.key: VARIES_BY_ENCODING, self.encoded_key(): page}
            self.cache.set_many(pages, timeout)
        else:
            self.cache.set(self.key, page, timeout)

    def encoded_key(self) -> str:
        gzip = ACCEPTS_GZIP.search(self.meta.get("HTTP_ACCEPT_ENCODING", ""))
        return f"{self.key}:{'gzip' if gzip else 'identity'}"


class Headers:
    """What `get_language_from_request` reads of a request."""

    def __init__(self, meta, cookies):
        self.META, self.COOKIES = meta, cookies


def address_digest(meta, cookies) -> str:
    proxy_header = (settings.SECURE_PROXY_SSL_HEADER or ("",))[0]
    host = meta.get("HTTP_HOST") or f"{meta.get('SERVER_NAME')}:{meta.get('SERVER_PORT')}"
    address = [
        meta.get("wsgi.url_scheme", ""),
        meta.get(proxy_header, ""),
        host,
        get_language_from_request(Headers(meta, cookies)),
        meta.get("SCRIPT_NAME", ""),
        meta.get("PATH_INFO", ""),
        meta.get("QUERY_STRING", ""),
    ]
    return hashlib.blake2b("\n".join(address).encode()).hexdigest()
