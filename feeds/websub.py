"""WebSub: on publication, tell the hub about every feed the post appears in.

The editor's request only enqueues a task; the task POSTs `hub.mode=publish` for each feed
and retries the ones the hub refused, later and later, a bounded number of times.
"""

import logging
from datetime import timedelta
from urllib.parse import urlencode, urljoin
from urllib.request import Request, urlopen

from django.conf import settings
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task

from editorial.publication import post_published

from .urls import feed_urls
from .views import FEEDS

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
FIRST_RETRY_DELAY = timedelta(seconds=30)
HUB_TIMEOUT_SECONDS = 10


class HubNotificationFailed(Exception):
    pass


def topic_urls(post) -> list[str]:
    """The absolute address of every feed that shows `post`."""
    return [
        urljoin(settings.SITE_URL, path)
        for feed_class in FEEDS
        for subject in feed_class.subjects_of(post)
        for path in feed_urls(feed_class, subject)
    ]


@receiver(post_published, dispatch_uid="websub_notify_hub")
def notify_hub_of_publication(sender, post, **kwargs):
    if settings.WEBSUB_HUB:
        notify_hub.enqueue(settings.WEBSUB_HUB, topic_urls(post))


@task()
def notify_hub(hub_url: str, topics: list[str], attempt: int = 1):
    refused = [topic for topic in topics if not ping(hub_url, topic)]
    if refused:
        retry_later(hub_url, refused, attempt)


def ping(hub_url: str, topic: str) -> bool:
    body = urlencode({"hub.mode": "publish", "hub.url": topic}).encode()
    request = Request(hub_url, data=body, method="POST")
    try:
        with urlopen(request, timeout=HUB_TIMEOUT_SECONDS) as response:
            return 200 <= response.status < 300
    except OSError as error:
        logger.warning("WebSub hub %s did not take %s: %s", hub_url, topic, error)
        return False


def retry_later(hub_url: str, topics: list[str], attempt: int):
    if attempt >= MAX_ATTEMPTS:
        raise HubNotificationFailed(f"{hub_url} refused {topics} {attempt} times")
    retry = notify_hub
    if notify_hub.get_backend().supports_defer:
        delay = FIRST_RETRY_DELAY * 2 ** (attempt - 1)
        retry = notify_hub.using(run_after=timezone.now() + delay)
    retry.enqueue(hub_url, topics, attempt + 1)
