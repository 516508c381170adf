"""Mirrors and the onion address (mirrors/, README "Mirrors and the onion address").

Other hosts that serve the whole site; each page, feed and sitemap read through one links
to that host (blog/links.py). A mirror is `https://` unless given with its scheme; the onion
address is `http://` unless given as `https://…onion`. The health check (`check_mirrors`,
also run by the worker every MIRROR_CHECK_INTERVAL) decides which are announced.
"""

import os
from datetime import timedelta
from urllib.parse import urlsplit

from .env import env_list, origin

MIRROR_ORIGINS = [origin(host, "https") for host in env_list("MIRROR_HOSTS")]
ONION_ORIGIN = origin(os.environ.get("ONION_HOST", ""), "http")
MIRROR_CHECK_INTERVAL = timedelta(minutes=int(os.environ.get("MIRROR_CHECK_MINUTES", "5")))
MIRROR_CHECK_TIMEOUT = float(os.environ.get("MIRROR_CHECK_TIMEOUT", "10"))
# A mirror still without the newest post this long after its publication is stale (a CDN
# in front of a mirror may keep the old front page for its s-maxage).
MIRROR_STALE_AFTER = timedelta(minutes=int(os.environ.get("MIRROR_STALE_MINUTES", "15")))


def alternative_origins() -> list[str]:
    return [*MIRROR_ORIGINS, *filter(None, [ONION_ORIGIN])]


def alternative_hosts() -> list[str]:
    """For ALLOWED_HOSTS: the host names of the mirrors and the onion address."""
    return [urlsplit(alternative).hostname for alternative in alternative_origins()]
