"""The health check in the background: the worker's minute tick (newsletter.tasks) calls
`check_when_due()`, which queues one check when the last is MIRROR_CHECK_INTERVAL old."""

from django.conf import settings
from django.db.models import Min
from django.utils import timezone
from django_tasks import task

from .health import check_all
from .models import Mirror


@task()
def check_mirrors():
    check_all()


def check_when_due():
    configured = settings.MIRROR_ORIGINS or settings.ONION_ORIGIN
    if configured and is_due():
        check_mirrors.enqueue()


def is_due() -> bool:
    """Whether a configured mirror was never checked, or checked an interval ago."""
    if Mirror.objects.filter(checked_at=None).exists():
        return True
    oldest = Mirror.objects.aggregate(oldest=Min("checked_at"))["oldest"]
    return oldest is None or oldest <= timezone.now() - settings.MIRROR_CHECK_INTERVAL
