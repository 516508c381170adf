from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ONE_SECOND = timedelta(seconds=1)


def next_change_time(previous: datetime | None) -> datetime:
    """Now in whole seconds (as HTTP dates are), always later than the previous change."""
    now = timezone.now().replace(microsecond=0)
    return max(now, previous + ONE_SECOND) if previous else now


class FeedVersionQuerySet(models.QuerySet):
    def observe(self, key: str, etag: str) -> datetime:
        """When feed `key` last changed, now that it shows the content digested as `etag`."""
        version = self.filter(key=key).first()
        if version and version.etag == etag:
            return version.changed_at
        changed = FeedVersion(
            key=key, etag=etag, changed_at=next_change_time(version and version.changed_at)
        )
        self.bulk_create(
            [changed],
            update_conflicts=True,
            unique_fields=["key"],
            update_fields=["etag", "changed_at"],
        )
        return changed.changed_at


class FeedVersion(models.Model):
    """The content digest a feed last showed and when that content first appeared.

    Its time is the feed's Last-Modified: it moves whenever anything the feed shows
    changes (an edit, an unpublished post, a renamed author or tag) and only then.
    """

    key = models.CharField(_("feed"), max_length=400, unique=True)
    etag = models.CharField(_("content digest"), max_length=64)
    changed_at = models.DateTimeField(_("changed"))

    objects = FeedVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("feed version")
        verbose_name_plural = _("feed versions")

    def __str__(self):
        return self.key
