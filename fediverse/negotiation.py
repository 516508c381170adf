"""Content negotiation on a column's own address: asked for ActivityStreams JSON
(`Accept: application/activity+json`, or `application/ld+json` with the ActivityStreams
profile), `/posts/<slug>/` answers with the post's `Article`, and the HTML page says that it
varies with Accept. The page cache lets such requests past (see pagecache.pages)."""

from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers

from .views import post_article

POST_PAGE = "blog:post"
ACTIVITY_STREAMS_PROFILE = "https://www.w3.org/ns/activitystreams"


def wants_activity_json(accept: str) -> bool:
    for media_range in accept.split(","):
        media_type, *params = (part.strip() for part in media_range.split(";"))
        if media_type.lower() == "application/activity+json":
            return True
        profile = ACTIVITY_STREAMS_PROFILE in " ".join(params)
        if media_type.lower() == "application/ld+json" and profile:
            return True
    return False


class ActivityJsonMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and wants_activity_json(
            request.headers.get("Accept", "")
        ):
            slug = post_slug(request.path_info)
            if slug is not None:
                return post_article(request, slug)
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name == POST_PAGE:
            patch_vary_headers(response, ["Accept"])
        return response


def post_slug(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.kwargs["slug"] if match.view_name == POST_PAGE else None
