"""Background work, run by `manage.py db_worker` (django-tasks with the database backend)."""

import logging

from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from editorial.publication import announce_due_posts
from mirrors.tasks import check_when_due as check_mirrors_when_due

from .conf import setting
from .delivery import SENDING_ERRORS, deliver, failure_reason
from .mail import confirmation_message
from .models import Delivery, Subscriber

logger = logging.getLogger(__name__)


@task()
def send_confirmation(subscriber_id: int):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or not subscriber.awaits_confirmation():
        return
    try:
        confirmation_message(subscriber).send()
    except SENDING_ERRORS as error:
        subscriber.release_confirmation_mail()
        logger.warning(
            "confirmation mail failed: subscriber=%s reason=%s",
            subscriber.pk,
            failure_reason(error, subscriber.email),
        )


@task()
def deliver_post(post_id: int):
    deliver(post_id, queue_new=True)


@task()
def retry_deliveries(post_id: int):
    """Send what a failure or a crash left behind, without adding newer subscribers."""
    deliver(post_id, queue_new=False)


@task()
def tick():
    """Every minute: announce scheduled posts that came due, resume stalled deliveries, and
    check the mirrors every few minutes."""
    schedule_tick()
    announce_due_posts()
    check_mirrors_when_due()
    for post_id in Delivery.objects.due_for_retry().post_ids():
        retry_deliveries.enqueue(post_id)


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
