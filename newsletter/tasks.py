"""Background work, run by `manage.py db_worker` (django-tasks with the database backend)."""

import logging

from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from editorial.publication import announce_due_posts
from mirrors.tasks import check_when_due as check_mirrors_when_due

from .conf import setting
from .delivery import deliver, send_claimed
from .mail import confirmation_message
from .models import ConfirmationMail, Delivery
from .retention import forget_expired

logger = logging.getLogger(__name__)


@task()
def send_confirmation(mail_id: int):
    """Send a confirmation link owed (see subscriptions.offer_confirmation), if still wanted.

    A mail server that cannot be reached fails the task before anything is claimed: the
    link stays owed, with no attempt counted, and the tick tries again."""
    with get_connection() as connection:
        owed = ConfirmationMail.objects.select_related("subscriber").claim(mail_id)
        if owed is None:
            return
        if not owed.subscriber.awaits_confirmation():
            owed.delete()
            return
        reason = send_claimed(owed, confirmation_message(owed.subscriber), connection)
    if reason:
        logger.warning(
            "confirmation mail failed: mail=%s subscriber=%s attempt=%s reason=%s",
            owed.pk,
            owed.subscriber_id,
            owed.attempts,
            reason,
        )


@task()
def deliver_post(post_id: int):
    """Send the post's mails that are due (queued at publication: newsletter/mailing.py)."""
    deliver(post_id)


@task()
def tick():
    """Every minute: announce scheduled posts that came due, send mails whose grace period
    passed and resume stalled ones, forget what the newsletter no longer needs
    (newsletter/retention.py), and check the mirrors every few minutes."""
    schedule_tick()
    announce_due_posts()
    forget_expired()
    check_mirrors_when_due()
    for post_id in Delivery.objects.due_for_retry().post_ids():
        deliver_post.enqueue(post_id)
    for mail_id in ConfirmationMail.objects.due_for_retry().values_list("pk", flat=True):
        send_confirmation.enqueue(mail_id)


def schedule_tick():
    """Queue the next tick unless one is already waiting.

    Only a database backend can hold a task until later; on others (the immediate backend
    of the tests) there is nothing to schedule.
    """
    backend = tick.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return
    waiting = DBTaskResult.objects.filter(
        task_path=tick.module_path, backend_name=backend.alias, status=TaskResultStatus.READY
    )
    if not waiting.exists():
        tick.using(run_after=timezone.now() + setting("NEWSLETTER_TICK")).enqueue()
