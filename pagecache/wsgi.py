"""The cheapest answer for a cached page: before Django handles the request at all.

`CachedPagesFirst(application)` wraps Django's WSGI application (config/wsgi.py). A GET
or HEAD whose page is in the cache is answered from there — headers, 304 for a matching
conditional request and all — exactly as `PageCacheMiddleware` would answer it, without
building a request object, running middleware or sending request signals. Everything
else, and every page not yet kept, goes to Django, where the middleware keeps it.
"""

from http import HTTPStatus

from django.http import parse_cookie

from .generation import current_generation
from .pages import CachedPage, Shelf, carries_personal_cookies, is_cacheable_request


class CachedPagesFirst:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        page = cached_page(environ)
        if page is None:
            return self.application(environ, start_response)
        status, headers, body = page.answer(environ)
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [body]


def cached_page(environ) -> CachedPage | None:
    if not is_cacheable_request(environ):
        return None
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    if carries_personal_cookies(cookies):
        return None
    generation = current_generation()
    return generation and Shelf(environ, cookies, generation).find()
