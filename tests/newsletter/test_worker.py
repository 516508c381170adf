"""The real background worker: django-tasks' database backend and `manage.py run_worker`.

The worker commits and checks its connection like the real process, so its test runs
outside a test transaction."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletter.tasks import schedule_tick, tick
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command(
        "run_worker",
        batch=True,
        reload=False,
        startup_delay=False,
        interval=0,
        stdout=io.StringIO(),
    )


def waiting_ticks():
    return DBTaskResult.objects.filter(task_path=tick.module_path, status="READY")


def test_the_tick_is_scheduled_once():
    schedule_tick()
    schedule_tick()

    [waiting] = waiting_ticks()
    assert waiting.run_after > timezone.now()


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_what_publishing_queued_and_scheduled_posts_when_due(
    confirmed_subscriber, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    confirmed_subscriber("reader@example.org")

    PostFactory(title="Out now")
    PostFactory(title="Later", publish_at=timezone.now() + timedelta(minutes=30))
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path="newsletter.tasks.deliver_post").exists()

    run_worker()
    assert [message.subject for message in mail.outbox] == ["Out now"]

    time_machine.shift(timedelta(minutes=31))
    run_worker()
    run_worker()

    assert [message.subject for message in mail.outbox] == ["Out now", "Later"]
    assert waiting_ticks().count() == 1
