"""Response headers: the Content-Security-Policy (strict for readers, workable for the admin)
and the Permissions-Policy. The other security headers come from Django's SecurityMiddleware
and XFrameOptionsMiddleware (see the SECURE_* settings); `OnionTransportMiddleware` makes them
fit the onion address, which has no certificate."""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from js_asset import Media

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ]
)


def is_admin_request(request):
    return request.path_info.startswith(f"/{settings.ADMIN_URL}")


def is_onion_request(request) -> bool:
    """Whether the request came through the onion address (settings.ONION_ORIGIN)."""
    onion = settings.ONION_ORIGIN
    return bool(onion) and urlsplit(onion).netloc.lower() == request.get_host().lower()


class OnionTransportMiddleware:
    """Just before Django's SecurityMiddleware. A request through the onion address came
    encrypted and authenticated end to end by Tor, and Tor Browser treats the address as a
    secure context (Secure cookies included): it counts as secure, so it is not redirected to
    an HTTPS the onion service does not have; and, having no certificate to pin, it gets no
    HSTS. Its forms pass the CSRF check by origin (http://…onion is a trusted origin)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_onion_request(request):
            return self.get_response(request)
        request.META["wsgi.url_scheme"] = "https"
        if settings.SECURE_PROXY_SSL_HEADER:
            header, secure_value = settings.SECURE_PROXY_SSL_HEADER
            request.META[header] = secure_value
        response = self.get_response(request)
        response.headers.pop("Strict-Transport-Security", None)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with CONTENT_SECURITY_POLICY_ADMIN for the admin's pages.

    The admin's rich-text editor loads its modules through an inline import map; the map
    rendered by django-js-asset's Media carries the request's nonce, so the admin needs no
    'unsafe-inline' for scripts either (only for the style attributes its templates use).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_request(request):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        if is_onion_request(request):  # over plain HTTP: nothing there to upgrade to
            parts.replace = {**(parts.replace or {}), "upgrade-insecure-requests": False}
        return parts

    def process_template_response(self, request, response):
        media = (response.context_data or {}).get("media")
        if isinstance(media, Media):
            response.context_data["media"] = media.with_nonce(request.csp_nonce)
        return response


class PermissionsPolicyMiddleware:
    """Turn off the browser features no page of the site uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
