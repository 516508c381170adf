"""WebSub: tell the hub about every feed a post appears in when it is published, and when
a post readers could see is edited or unpublished (a draft's edits change no feed; a save
that changes nothing is not a save, see Post.save).

Each feed is a topic on the main host and on every mirror (a reader subscribed through a
mirror follows the mirror's address); the onion address is left out, as a public hub cannot
reach it. The editor's request only enqueues a task; the task POSTs `hub.mode=publish` for
each topic and retries the ones the hub refused, later and later, a bounded number of times.
"""

import logging
from datetime import timedelta
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task

from blog.links import absolute_url
from blog.models import Post
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
    """The absolute address, on the main host and each mirror, of every feed that shows `post`."""
    return [
        absolute_url(path, origin)
        for origin in [settings.SITE_URL, *settings.MIRROR_ORIGINS]
        for feed_class in FEEDS
        for subject in feed_class.subjects_of(post)
        for path in feed_urls(feed_class, subject)
    ]


@receiver(post_published, dispatch_uid="websub_notify_hub")
def notify_hub_of_publication(sender, post, **kwargs):
    if settings.WEBSUB_HUB:
        notify_hub.enqueue(settings.WEBSUB_HUB, topic_urls(post))


@receiver(pre_save, sender=Post, dispatch_uid="websub_note_visibility")
def note_whether_readers_saw_it(sender, instance, raw=False, **kwargs):
    instance._was_visible = bool(
        instance.pk and not raw and Post.objects.published().filter(pk=instance.pk).exists()
    )


@receiver(post_save, sender=Post, dispatch_uid="websub_notify_hub_of_change")
def notify_hub_of_change(sender, instance, raw=False, **kwargs):
    """An edit or unpublication of a post readers could see (a publication is announced by
    `post_published`)."""
    if settings.WEBSUB_HUB and not raw and getattr(instance, "_was_visible", False):
        topics = topic_urls(instance)
        transaction.on_commit(lambda: notify_hub.enqueue(settings.WEBSUB_HUB, topics))


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
