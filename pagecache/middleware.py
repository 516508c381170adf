"""Readers' pages and feeds, served from the cache and kept there.

First in MIDDLEWARE: a page found in the cache (see `pagecache.pages`) is answered
before any other middleware runs, with the headers the rest of the chain added when it
was rendered (security headers, CSP — without a nonce, since a page showing one is never
kept — Vary, Content-Language). Under gunicorn, `pagecache.wsgi` answers the same pages
even before Django's request handling.

Otherwise the view renders the page and, if it is the same for every reader, it is kept
under the current generation with an ETag, a Last-Modified (the generation's start) and
a Cache-Control a CDN can use; views that set their own validators or Cache-Control (the
feeds) keep them. A conditional request that matches gets 304. Anyone with a session or
messages cookie gets a freshly rendered page, marked private.
"""

from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control, set_response_etag
from django.utils.http import http_date

from .generation import Generation, current_generation
from .pages import CachedPage, Shelf, carries_personal_cookies, is_cacheable_request

NOT_SHARED = frozenset({"private", "no-cache", "no-store"})


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request.META):
            return self.get_response(request)
        if carries_personal_cookies(request.COOKIES):
            return mark_private(self.get_response(request))
        generation = current_generation()
        if generation is None:
            return self.get_response(request)
        shelf = Shelf(request.META, request.COOKIES, generation)
        page = shelf.find()
        if page is not None:
            return page.response(request.META)
        return self.render_and_keep(request, shelf, generation)

    def render_and_keep(self, request, shelf: Shelf, generation: Generation):
        response = self.get_response(request)
        if not is_shared(request, response):
            return response
        add_validators(response, generation)
        page = CachedPage.of(response)
        if request.method == "GET":
            shelf.keep(page, response)
        return page.response(request.META) if page.is_held_by(request.META) else response


def mark_private(response):
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)
    return response


def is_shared(request, response) -> bool:
    """Whether `response` is the same for every reader without a session, so it may be kept."""
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


def add_validators(response, generation: Generation):
    if not response.has_header("ETag"):
        set_response_etag(response)
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(generation.changed_at.timestamp())
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, public=True, **settings.PAGE_CACHE_CONTROL)
