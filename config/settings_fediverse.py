"""The fediverse (fediverse/): the site's own actor, how inboxes judge signatures, and how
activities are delivered."""

import os
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool

# The username of the site's own actor (@<this>@<host>); every columnist's is their slug.
FEDIVERSE_SITE_USERNAME = os.environ.get("FEDIVERSE_SITE_USERNAME", "columns")
# A signed request older (or newer) than this is refused; its signature is remembered this
# long, so that a replayed request is refused too.
FEDIVERSE_SIGNATURE_MAX_AGE = timedelta(hours=12)
# Seconds to wait for another server, whether fetching its key or delivering to it.
FEDIVERSE_TIMEOUT = float(os.environ.get("FEDIVERSE_TIMEOUT", "5"))
# Attempts per delivery; the pause before a retry doubles from the first one.
FEDIVERSE_MAX_ATTEMPTS = int(os.environ.get("FEDIVERSE_MAX_ATTEMPTS", "8"))
FEDIVERSE_FIRST_RETRY_DELAY = timedelta(minutes=1)
FEDIVERSE_OUTBOX_PAGE_SIZE = 20
# Fetch keys from, and deliver to, loopback and private addresses (tests, a local network).
FEDIVERSE_ALLOW_PRIVATE_ADDRESSES = env_bool("FEDIVERSE_ALLOW_PRIVATE_ADDRESSES", default=False)
# How our requests are signed: "cavage" (draft-cavage, what every server verifies today) or
# "rfc9421" (RFC 9421 HTTP Message Signatures, for servers that verify those).
FEDIVERSE_SIGNATURE_STYLE = os.environ.get("FEDIVERSE_SIGNATURE_STYLE", "cavage")
if FEDIVERSE_SIGNATURE_STYLE not in {"cavage", "rfc9421"}:
    raise ImproperlyConfigured('FEDIVERSE_SIGNATURE_STYLE must be "cavage" or "rfc9421".')
