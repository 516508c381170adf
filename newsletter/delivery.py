"""Sending a post to its subscribers, exactly once each.

Every recipient first gets a queued Delivery row (one per post and subscriber, enforced by
a unique constraint). Each row is then sent inside its own transaction that holds the row
locked, and marked sent before the lock is released: a second worker skips rows it cannot
lock or finds sent, a worker stopped mid-send rolls back to "queued", and the next run (the
worker's tick retries stalled deliveries) resumes from there.
"""

import logging

from django.core.mail import get_connection
from django.db import transaction

from blog.models import Post

from .mail import post_message
from .models import Delivery

logger = logging.getLogger(__name__)

# Whatever goes wrong with one message (a refusal, a dropped connection, a header it cannot
# carry) fails that delivery only, to be retried, and never blocks the rest of the batch.
# Only the worker's own end (SystemExit, KeyboardInterrupt) stops a batch halfway.
SENDING_ERRORS = Exception


def failure_reason(error: Exception, address: str) -> str:
    """What went wrong, fit for logs and the admin: the address itself left out."""
    return f"{type(error).__name__}: {error}".replace(address, "<subscriber>")


def deliver(post_id: int, *, queue_new: bool):
    """Send the post to everyone still waiting for it (queueing current recipients first)."""
    post = Post.objects.published().for_readers().filter(pk=post_id).first()
    if post is None:
        return
    if queue_new:
        Delivery.objects.queue(post)
    waiting = list(post.deliveries.pending().values_list("pk", flat=True))
    if waiting:
        with get_connection() as connection:
            for delivery_id in waiting:
                send_one(post, delivery_id, connection)


def send_one(post, delivery_id: int, connection):
    with transaction.atomic():
        delivery = (
            Delivery.objects.pending()
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("subscriber")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is not None:
            send(post, delivery, connection)


def send(post, delivery, connection):
    message = post_message(post, delivery.subscriber)
    message.connection = connection
    try:
        message.send()
    except SENDING_ERRORS as error:
        reason = failure_reason(error, delivery.subscriber.email)
        delivery.mark_failed(reason)
        logger.warning(
            "delivery failed: delivery=%s post=%s subscriber=%s attempt=%s reason=%s",
            delivery.pk,
            post.pk,
            delivery.subscriber_id,
            delivery.attempts,
            reason,
        )
    else:
        delivery.mark_sent()
