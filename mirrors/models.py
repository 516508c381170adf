"""The site's mirrors and onion address, with the result of their last health check.

MIRROR_HOSTS and ONION_HOST (settings) say which hosts serve the site; `Mirror.objects.sync()`
(run by every check) gives each a row and drops the rows of hosts no longer configured. A
mirror is announced — in /.well-known/mirrors.json and in mails — while its last check found
it up to date and a superuser has not withdrawn it (`listed`).

Only a change of what is announced is a reader-visible change (pagecache's READER_MODELS): a
check that finds nothing new records its time with `update()`, which renews nothing.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MirrorQuerySet(models.QuerySet):
    def announced(self):
        return self.filter(listed=True, result=Mirror.Result.OK).order_by("pk")

    def for_mail(self):
        """The mirror a mail offers when the site is blocked: the first announced web mirror
        (a mail reader's browser may not reach an onion address), or None."""
        return self.announced().filter(kind=Mirror.Kind.MIRROR).first()

    def sync(self):
        """Rows for the configured mirrors and onion address, and for nothing else."""
        configured = dict.fromkeys(settings.MIRROR_ORIGINS, Mirror.Kind.MIRROR)
        if settings.ONION_ORIGIN:
            configured[settings.ONION_ORIGIN] = Mirror.Kind.ONION
        self.exclude(url__in=configured).delete()
        for url, kind in configured.items():
            mirror, _created = self.get_or_create(url=url, defaults={"kind": kind})
            if mirror.kind != kind:
                mirror.kind = kind
                mirror.save()


class Mirror(models.Model):
    class Kind(models.TextChoices):
        MIRROR = "mirror", _("mirror")
        ONION = "onion", _("onion service")

    class Result(models.TextChoices):
        UNCHECKED = "unchecked", _("not checked yet")
        OK = "ok", _("up to date")
        STALE = "stale", _("stale")
        DOWN = "down", _("down")

    url = models.CharField(_("address"), max_length=300, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.MIRROR)
    listed = models.BooleanField(
        _("listed"),
        default=True,
        help_text=_(
            "Untick to stop announcing a mirror that is blocked or compromised, "
            "even while it works."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    result = models.CharField(
        _("last result"), max_length=10, choices=Result, default=Result.UNCHECKED
    )
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    objects = MirrorQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("mirror")
        verbose_name_plural = _("mirrors")

    def __str__(self):
        return self.url

    @property
    def is_onion(self):
        return urlsplit(self.url).hostname.endswith(".onion")

    def record(self, result: str, http_status: int | None = None, error: str = ""):
        """Store a check's finding; save (a reader-visible change) only when the result
        differs from the last one."""
        self.checked_at = timezone.now()
        self.http_status, self.error = http_status, error[:1000]
        if result != self.result:
            self.result = result
            self.save()
            return
        Mirror.objects.filter(pk=self.pk).update(
            checked_at=self.checked_at, http_status=http_status, error=self.error
        )
