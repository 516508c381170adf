from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def site_url_uses_https(app_configs, **kwargs):
    """Mail links, List-Unsubscribe above all (RFC 8058), must be https in production."""
    if urlsplit(settings.SITE_URL).scheme == "https":
        return []
    return [
        Warning(
            "SITE_URL does not start with https://.",
            hint="Links in mails, and the one-click unsubscribe address, need https.",
            id="newsletter.W001",
        )
    ]
