"""Serve each request on the host the reader came through (see blog/links.py).

`PublicOriginMiddleware` makes every absolute address built while answering a request use
that request's public origin: the mirror's or the onion's when the validated Host is one of
them, SITE_URL otherwise. Pages read on the main host also name the onion address of the
same page (`Onion-Location`, which Tor Browser offers to switch to).
"""

from django.conf import settings

from blog.links import origin_for_host, serving


class PublicOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        origin = origin_for_host(request.get_host())
        with serving(origin):
            response = self.get_response(request)
        if origin == settings.SITE_URL and is_html(response) and settings.ONION_ORIGIN:
            response.headers["Onion-Location"] = settings.ONION_ORIGIN + request.get_full_path()
        return response


def is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")
