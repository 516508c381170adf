"""Anonymous readers' pages and feeds, served from the cache.

A GET or HEAD from a reader who carries no personal cookie (no session, no messages) is
answered from the cache when the page is there for the current content version (see
`blog.caching`: every change readers could see starts a new version). Otherwise the view
renders it and, if the page is the same for every reader, it is stored. Anyone signed in
always gets a freshly rendered page, marked private.

Every page served this way carries an ETag, a Last-Modified (the last content change)
and a Cache-Control a CDN can use; a conditional request that matches gets 304. Views
that set their own validators or Cache-Control (the feeds) keep them.

The middleware sits right after SecurityMiddleware: a cached page skips everything else,
and what the inner middleware adds to a response (security and language headers, CSP) is
stored with it. A response that sets a cookie, writes the session, or shows a CSRF token
or a CSP nonce is personal and never stored. The key holds the language LocaleMiddleware
will choose, the host and scheme, the address with its query, and whether gzip is accepted.
"""

import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language_from_request

from .caching import ContentVersion, current_version

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
NOT_SHARED = frozenset({"private", "no-cache", "no-store"})


@dataclass(frozen=True)
class CachedPage:
    content: bytes
    headers: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, response) -> "CachedPage":
        return cls(response.content, tuple(response.headers.items()))

    def response(self) -> HttpResponse:
        return HttpResponse(self.content, headers=dict(self.headers))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not serves_pages(request):
            return self.get_response(request)
        if carries_personal_cookies(request):
            return mark_private(self.get_response(request))
        version = current_version()
        key = page_key(request, version)
        page = caches["pages"].get(key)
        if page is not None:
            return answer(request, page.response())
        response = self.get_response(request)
        if not is_shared(request, response):
            return response
        add_validators(response, version)
        if request.method == "GET":
            caches["pages"].set(key, CachedPage.of(response), settings.PAGE_CACHE_TIMEOUT)
        return answer(request, response)


def serves_pages(request) -> bool:
    return (
        settings.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and not request.path_info.startswith(settings.STATIC_URL)
    )


def carries_personal_cookies(request) -> bool:
    anonymous = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return not request.COOKIES.keys() <= anonymous


def mark_private(response):
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)
    return response


def page_key(request, version: ContentVersion) -> str:
    gzip = bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    prefixed, _default_prefixed = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    language = get_language_from_request(request, check_path=prefixed)
    parts = [request.scheme, request.get_host(), language, str(gzip)]
    address = "\n".join([*parts, request.get_full_path()])
    return f"page:{version.token}:{hashlib.blake2b(address.encode()).hexdigest()}"


def is_shared(request, response) -> bool:
    """Whether `response` is the same for every anonymous reader, so it may be stored."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not is_personal(request)
        and not NOT_SHARED & cache_directives(response)
    )


def is_personal(request) -> bool:
    """Whether the page is tied to this reader: it wrote to their session, or holds a
    per-response secret (a CSRF token, a CSP nonce)."""
    session = getattr(request, "session", None)
    return (
        (session is not None and session.modified)
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        or isinstance(getattr(request, "_csp_nonce", None), str)
    )


def cache_directives(response) -> set[str]:
    header = response.get("Cache-Control", "")
    return {part.split("=")[0].strip().lower() for part in cc_delim_re.split(header) if part}


def add_validators(response, version: ContentVersion):
    if not response.has_header("ETag"):
        set_response_etag(response)
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(version.changed_at.timestamp())
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, public=True, **settings.PAGE_CACHE_CONTROL)


def answer(request, response):
    """`response`, or 304 Not Modified when the reader's copy is still current."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )
