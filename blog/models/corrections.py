from datetime import UTC

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from blog.plaintext import PlainTextField

from .posts import Post


class CorrectionQuerySet(models.QuerySet):
    def public(self):
        """Corrections readers may see: those of published posts."""
        return self.filter(post__in=Post.objects.published())

    def newest_first(self):
        return self.order_by("-corrected_at", "-pk")


class Correction(models.Model):
    """A dated note telling readers what was corrected in a post after publication.

    Saving or deleting one marks the post as updated (see `mark_post_updated`), so its
    "Updated" notice, feeds and structured data show when it last changed.
    """

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="corrections"
    )
    corrected_at = models.DateTimeField(_("date"), default=timezone.now)
    text = PlainTextField(
        _("text"), help_text=_("What was wrong and what it now says. Plain text.")
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["corrected_at", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        indexes = [models.Index(fields=["-corrected_at"], name="correction_newest_idx")]

    def __str__(self):
        return f"{self.post} ({self.corrected_at:%Y-%m-%d})"

    @classmethod
    def from_rows(cls, post) -> list:
        """The corrections of a post read `for_post_page()`, oldest first."""
        corrections = [
            cls(post=post, pk=row["pk"], text=row["text"], corrected_at=aware(row["corrected_at"]))
            for row in post.correction_rows or []
        ]
        return sorted(corrections, key=lambda correction: (correction.corrected_at, correction.pk))


def aware(stored: str):
    """A datetime as JSON carries it: naive UTC from SQLite, with its offset from PostgreSQL."""
    moment = parse_datetime(stored)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, UTC)


@receiver(post_save, sender=Correction, dispatch_uid="correction_saved_updates_post")
@receiver(post_delete, sender=Correction, dispatch_uid="correction_deleted_updates_post")
def mark_post_updated(sender, instance: Correction, raw=False, **kwargs):
    """Any change to a post's corrections is a change to the post (bulk deletes included);
    restoring a backup (a raw save) changes nothing."""
    if raw:
        return
    Post.objects.filter(pk=instance.post_id).update(updated_at=timezone.now())
