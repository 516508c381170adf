"""The real worker keeps a published edition current: a committed change queues one
refresh a few seconds later (more changes meanwhile join it), and the worker runs it."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from edition.tasks import refresh_edition

from .conftest import publish_static

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def waiting_refreshes():
    return DBTaskResult.objects.filter(task_path=refresh_edition.module_path, status="READY")


def test_the_worker_refreshes_the_edition_within_a_minute_of_a_change(
    demo_post, settings, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    DBTaskResult.objects.all().delete()  # what loading the demo queued
    publish_static(settings.STATIC_EDITION_DEST)
    page = Path(settings.STATIC_EDITION_DEST, "posts", demo_post.slug, "index.html")

    demo_post.title = "Why Belarus and Kazakhstan parted ways"
    demo_post.save()
    demo_post.lead = "A new lead."
    demo_post.save()

    [waiting] = waiting_refreshes()
    assert timezone.now() < waiting.run_after <= timezone.now() + timedelta(minutes=1)
    time_machine.move_to(waiting.run_after + timedelta(seconds=1), tick=False)
    call_command(
        "run_worker",
        batch=True,
        reload=False,
        startup_delay=False,
        interval=0,
        stdout=io.StringIO(),
    )

    assert "parted ways" in page.read_text()
    assert not waiting_refreshes().exists()
