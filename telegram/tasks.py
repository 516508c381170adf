"""The worker's Telegram calls (django-tasks): each retried later and later while the API
is unreachable, overloaded or asks to wait (`retry_after`), a bounded number of times."""

import logging

from django.utils import timezone
from django_tasks import task

from . import bot_api
from .sync import follow_post

logger = logging.getLogger(__name__)


@task()
def follow(message_pk: int):
    """Bring one message in line with its post (send, edit or delete it)."""
    retry_at = follow_post(message_pk)
    if retry_at is not None and follow.get_backend().supports_defer:
        follow.using(run_after=retry_at).enqueue(message_pk)


@task()
def delete_message(chat_id: str, message_id: int, attempt: int = 1):
    """Delete the message of a post that was deleted (its row went with it)."""
    try:
        bot_api.call("deleteMessage", {"chat_id": chat_id, "message_id": message_id})
    except bot_api.BotApiError as error:
        logger.warning(
            "telegram message of a deleted post stays: attempt=%s error=%s", attempt, error
        )
        delay = error.retry_delay(attempt)
        if delay is not None and delete_message.get_backend().supports_defer:
            retry = delete_message.using(run_after=timezone.now() + delay)
            retry.enqueue(chat_id, message_id, attempt + 1)
