"""The CSRF defence of forms on cached pages (subscribe, language switch): pages every reader
shares from the page cache cannot hold a per-reader CSRF token, so such a form refuses a POST
that the browser marks as coming from another site."""

from django.conf import settings


def is_cross_site(request) -> bool:
    """Whether a browser sent this from another site: browsers say where a POST comes from in
    Sec-Fetch-Site or Origin."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site not in {"same-origin", "none"}
    origin = request.headers.get("Origin")
    own = {request.build_absolute_uri("/")[:-1], settings.SITE_URL, *settings.CSRF_TRUSTED_ORIGINS}
    return origin is not None and origin not in own
