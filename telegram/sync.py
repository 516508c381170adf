"""Making one Telegram message follow its post.

While the post is published the message is sent (once: a row holds its id) and edited when
its text changes, for as long as Telegram allows (48 hours; later edits are left out, and
the admin says so). Once the post is no longer published the message is deleted; after 48
hours Telegram refuses, and the row records that refusal, for an editor to delete the
message by hand.

A worker first claims the row for as long as one call may take, so that two workers never
send the same message twice; the call itself runs outside any transaction, so that a slow
API holds no lock that an editor's save would wait for.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from blog.links import absolute_url
from blog.models import Post

from . import bot_api
from .message import digest, message_text
from .models import TelegramMessage

logger = logging.getLogger(__name__)

CLAIM_MARGIN = timedelta(seconds=5)
# Telegram's words for "that is already so", which count as success.
ALREADY_DONE = ("message is not modified", "message to delete not found")


def follow_post(message_pk: int) -> datetime | None:
    """Bring the message in line with its post; return when to try again (None: done)."""
    row, busy_until = claim(message_pk)
    if row is None:
        return busy_until
    try:
        apply(row)
    except bot_api.BotApiError as error:
        if not any(words in error.description for words in ALREADY_DONE):
            return failed(row, error)
        apply_done(row)
    return None


def claim(message_pk: int) -> tuple[TelegramMessage | None, datetime | None]:
    """The row, now ours for one call; or None, with the time another worker's claim
    ends if that is what stands in the way."""
    now = timezone.now()
    with transaction.atomic():
        row = (
            TelegramMessage.objects.select_for_update()
            .select_related("post", "channel")
            .filter(pk=message_pk)
            .first()
        )
        if row is None or not row.awaits_attempt(now):
            return None, None
        if row.claimed_until and row.claimed_until > now:
            return None, row.claimed_until
        row.claimed_until = now + timedelta(seconds=settings.TELEGRAM_TIMEOUT) + CLAIM_MARGIN
        row.attempts += 1
        row.save(update_fields=["claimed_until", "attempts", "updated_at"])
    return row, None


def is_published(post) -> bool:
    return Post.objects.published().filter(pk=post.pk).exists()


def apply(row: TelegramMessage):
    if not is_published(row.post):
        if row.message_id is not None:
            bot_api.call("deleteMessage", {"chat_id": row.chat_id, "message_id": row.message_id})
        row.record_removed()
        return
    text = message_text(row.post)
    if row.message_id is None:
        row.record_sent(bot_api.call("sendMessage", message_payload(row, text)), digest(text))
    elif digest(text) == row.content_digest:
        row.record_posted(row.content_digest)
    elif not row.may_change(timezone.now()):
        note = gettext("Not edited: Telegram lets bots edit messages for 48 hours only.")
        row.record_posted(row.content_digest, note=note)
    else:
        payload = {**message_payload(row, text), "message_id": row.message_id}
        bot_api.call("editMessageText", payload)
        row.record_posted(digest(text))


def apply_done(row: TelegramMessage):
    """Telegram says the change is already made (the same text, a message already gone)."""
    if is_published(row.post):
        row.record_posted(digest(message_text(row.post)))
    else:
        row.record_removed()


def message_payload(row: TelegramMessage, text: str) -> dict:
    chat_id = row.chat_id if row.message_id is not None else row.channel.chat
    return {
        "chat_id": chat_id,
        "text": text,
        "parse_mode": "HTML",
        "link_preview_options": {"url": absolute_url(row.post.get_absolute_url())},
    }


def failed(row: TelegramMessage, error: bot_api.BotApiError) -> datetime | None:
    retry_at = row.record_failure(str(error), error.retry_delay(row.attempts))
    logger.warning(
        "telegram call failed: post=%s channel=%s attempt=%s retry_at=%s error=%s",
        row.post_id,
        row.channel_id,
        row.attempts,
        retry_at.isoformat() if retry_at else "never",
        str(error),
    )
    return retry_at
