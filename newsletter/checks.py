from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from .keyring import keyring


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


@register(Tags.security)
def subscriber_key_is_usable(app_configs, **kwargs):
    """A malformed key stops `migrate` (and so `make serve`) before any address is needed."""
    try:
        keyring()
    except (ImproperlyConfigured, OSError) as error:
        return [
            Error(
                str(error),
                hint="Set SUBSCRIBER_KEY (or the file SUBSCRIBER_KEY_FILE) to Fernet keys: "
                "README, “Subscriber data at rest”.",
                id="newsletter.E001",
            )
        ]
    return []
