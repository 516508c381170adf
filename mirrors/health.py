"""Is each mirror up, and does it serve the current content?

A check fetches the mirror's front page (urllib, MIRROR_CHECK_TIMEOUT) and looks in it for
the address of the newest post published at least MIRROR_STALE_AFTER ago — as a path
("/posts/<slug>/") or relative ("posts/<slug>/"), so that a copy of the site with relative
links (a static edition) passes too. A front page that does not answer 200 is "down"; one
without that post is "stale". Posts newer than that are not asked for: a CDN in front of a
mirror may keep the previous front page for a few minutes.

An onion address cannot be reached without Tor; the app itself serves it, so it is not
fetched and counts as up to date.
"""

import logging
from dataclasses import dataclass
from http.client import HTTPException
from urllib.error import HTTPError
from urllib.request import Request, urlopen

from django.conf import settings
from django.utils import timezone
from django.utils.encoding import iri_to_uri

from blog.models import Post

from .models import Mirror

logger = logging.getLogger(__name__)

MAX_PAGE_BYTES = 2 * 1024 * 1024
USER_AGENT = "Columnist-mirror-check/1"


@dataclass(frozen=True)
class Finding:
    result: str
    http_status: int | None = None
    error: str = ""


def check_all() -> list[Mirror]:
    """Check every configured mirror and record what was found; return them."""
    Mirror.objects.sync()
    markers = expected_markers()
    mirrors = list(Mirror.objects.all())
    for mirror in mirrors:
        finding = examine(mirror, markers)
        if finding.result != mirror.result:
            logger.warning(
                "mirror %s: %s → %s %s", mirror.url, mirror.result, finding.result, finding.error
            )
        mirror.record(finding.result, finding.http_status, finding.error)
    return mirrors


def expected_markers() -> tuple[str, ...]:
    """The forms in which a current front page names the newest post old enough to be
    everywhere (none while no post is)."""
    settled = timezone.now() - settings.MIRROR_STALE_AFTER
    post = Post.objects.published().filter(publish_at__lte=settled).newest_first().first()
    if post is None:
        return ()
    path = post.get_absolute_url().lstrip("/")
    return tuple(dict.fromkeys([path, iri_to_uri(path)]))


def examine(mirror: Mirror, markers: tuple[str, ...]) -> Finding:
    if mirror.is_onion:
        return Finding(Mirror.Result.OK)
    try:
        status, page = fetch(mirror.url + "/")
    except HTTPError as error:
        return Finding(Mirror.Result.DOWN, error.code, f"HTTP {error.code}")
    except (OSError, HTTPException, ValueError) as error:
        return Finding(Mirror.Result.DOWN, None, str(getattr(error, "reason", error)))
    if status != 200:
        return Finding(Mirror.Result.DOWN, status, f"HTTP {status}")
    if markers and not any(marker in page for marker in markers):
        return Finding(Mirror.Result.STALE, status, f"no link to /{markers[0]}")
    return Finding(Mirror.Result.OK, status)


def fetch(url: str) -> tuple[int, str]:
    request = Request(url, headers={"User-Agent": USER_AGENT})
    with urlopen(request, timeout=settings.MIRROR_CHECK_TIMEOUT) as response:
        return response.status, response.read(MAX_PAGE_BYTES).decode("utf-8", "replace")
