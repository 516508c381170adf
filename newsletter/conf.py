"""The newsletter's tunables: each can be set in settings under the same name."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings

DEFAULTS = {
    # How long a confirmation link stays valid.
    "NEWSLETTER_CONFIRM_MAX_AGE": timedelta(days=3),
    # The window of the subscribe rate limits; also the least time between two confirmation mails.
    "NEWSLETTER_RATE_WINDOW": timedelta(hours=1),
    "NEWSLETTER_LIMIT_PER_IP": 20,
    "NEWSLETTER_LIMIT_PER_ADDRESS": 5,
    # Sending attempts per mail, and the pause before a failed or stalled one is retried
    # (doubled after each further attempt).
    "NEWSLETTER_MAX_ATTEMPTS": 5,
    "NEWSLETTER_RETRY_DELAY": timedelta(minutes=5),
    # How long one message may take to send before its row counts as left by a crashed
    # sender and may be claimed again (keep it well above EMAIL_TIMEOUT).
    "NEWSLETTER_CLAIM_TIMEOUT": timedelta(minutes=5),
    # How long after a post becomes visible its mails wait before they go: time to cancel
    # the mailing (or unpublish) when a post went out by mistake.
    "NEWSLETTER_GRACE_PERIOD": timedelta(minutes=10),
    # How often the worker looks for scheduled posts that came due and deliveries to retry.
    "NEWSLETTER_TICK": timedelta(seconds=60),
    # The request header with the client's address when behind a proxy (e.g. HTTP_X_REAL_IP).
    "NEWSLETTER_CLIENT_IP_HEADER": "",
    # Keep as little as possible (newsletter/retention.py): pending subscribers are deleted
    # this long after their last confirmation link was sent, deliveries forget who they
    # went to this long after they were queued.
    "NEWSLETTER_UNCONFIRMED_LIFETIME": timedelta(hours=72),
    "NEWSLETTER_DELIVERY_LINK_LIFETIME": timedelta(days=30),
    # The domain of Message-ID and List-Id; empty means the host of SITE_URL.
    "NEWSLETTER_DOMAIN": "",
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


def mail_domain() -> str:
    return setting("NEWSLETTER_DOMAIN") or urlsplit(settings.SITE_URL).hostname
