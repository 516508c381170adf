"""Sending mail without holding the database: claim, commit, send, record.

Publishing a post gives each recipient a queued Delivery row (one per post and subscriber,
enforced by a unique constraint), not to be sent before the grace period has passed
(newsletter/mailing.py); a confirmation link owed is a ConfirmationMail row. Each
row is claimed with one committed UPDATE, its message sent with no transaction open, and the
outcome recorded with a second short UPDATE (see models/outbox.py). A second worker cannot
claim a row being sent; a worker that dies mid-send leaves a claim that expires, and the
worker's tick retries the row (the tick also retries failures, up to the attempt limit).
"""

import logging

from django.core.mail import get_connection

from blog.models import Post

from .mail import post_message
from .models import Delivery

logger = logging.getLogger(__name__)

# Whatever goes wrong with one message (a refusal, a dropped connection, a header it cannot
# carry) fails that row only, to be retried, and never blocks the rest of the batch.
# Only the worker's own end (SystemExit, KeyboardInterrupt) stops a batch halfway.
SENDING_ERRORS = Exception


def failure_reason(error: Exception, message) -> str:
    """What went wrong, fit for logs and the admin: the recipients' addresses left out."""
    reason = f"{type(error).__name__}: {error}"
    for address in message.recipients():
        reason = reason.replace(address, "<subscriber>")
    return reason


def send_claimed(row, message, connection) -> str:
    """Send the message of a row this worker claimed and record how it went.

    Returns the reason it failed, or "" once sent."""
    message.connection = connection
    try:
        message.send()
    except SENDING_ERRORS as error:
        reason = failure_reason(error, message)
        row.record_failure(reason)
        return reason
    row.record_sent()
    return ""


def deliver(post_id: int):
    """Send the post to everyone whose mail is due, if readers can still see the post."""
    post = Post.objects.published().for_readers().filter(pk=post_id).first()
    if post is None:
        return
    waiting = list(post.deliveries.pending().values_list("pk", flat=True))
    if waiting:  # a mail server that cannot be reached fails the task, claiming nothing
        with get_connection() as connection:
            for delivery_id in waiting:
                send_delivery(post, delivery_id, connection)


def send_delivery(post, delivery_id: int, connection):
    delivery = Delivery.objects.select_related("subscriber").claim(delivery_id)
    if delivery is None:
        return
    reason = send_claimed(delivery, post_message(post, delivery.subscriber), connection)
    if reason:
        logger.warning(
            "delivery failed: delivery=%s post=%s subscriber=%s attempt=%s reason=%s",
            delivery.pk,
            post.pk,
            delivery.subscriber_id,
            delivery.attempts,
            reason,
        )
