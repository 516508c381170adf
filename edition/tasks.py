"""The worker keeps a published edition current: one refresh, a few seconds after the
changes that asked for it (more changes meanwhile join the same one)."""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .build import refresh

logger = logging.getLogger(__name__)
GATHER = timedelta(seconds=5)


@task()
def refresh_edition():
    changes = refresh()
    if changes is not None:
        logger.info(
            "static edition refreshed: written=%s deleted=%s",
            len(changes.written),
            len(changes.deleted),
        )


def schedule_refresh():
    """Queue a refresh unless one is already waiting to start."""
    backend = refresh_edition.get_backend()
    if not isinstance(backend, DatabaseBackend):
        refresh_edition.enqueue()
        return
    waiting = DBTaskResult.objects.filter(
        task_path=refresh_edition.module_path,
        backend_name=backend.alias,
        status=TaskResultStatus.READY,
    )
    if not waiting.exists():
        refresh_edition.using(run_after=timezone.now() + GATHER).enqueue()
