from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blog.models import Post
from newsletter.conf import setting
from security.logs import redact

from .subscribers import Subscriber


class DeliveryQuerySet(models.QuerySet):
    def queue(self, post):
        """A queued delivery for every current recipient of the post that has none yet."""
        recipients = Subscriber.objects.following(post).values_list("pk", flat=True)
        self.bulk_create(
            [Delivery(post=post, subscriber_id=pk) for pk in recipients.iterator()],
            batch_size=500,
            ignore_conflicts=True,
        )

    def unsent(self):
        return self.exclude(status=Delivery.Status.SENT)

    def pending(self):
        """What still has to be sent: queued, or failed with attempts left, for a visible post."""
        attempts_left = Q(attempts__lt=setting("NEWSLETTER_MAX_ATTEMPTS"))
        retriable = Q(status=Delivery.Status.FAILED) & attempts_left
        return self.filter(
            Q(status=Delivery.Status.QUEUED) | retriable,
            post__in=Post.objects.published(),
            subscriber__status=Subscriber.Status.CONFIRMED,
        )

    def due_for_retry(self):
        """Pending deliveries nobody touched for a while: failed ones, or ones a crash left."""
        idle_since = timezone.now() - setting("NEWSLETTER_RETRY_DELAY")
        return self.pending().filter(updated_at__lte=idle_since)

    def post_ids(self):
        return self.order_by().values_list("post", flat=True).distinct()


class Delivery(models.Model):
    """One post's mail to one subscriber: at most one per pair, whatever happens."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="deliveries"
    )
    # Emptied 30 days on (newsletter/retention.py): the record then says nothing of who.
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    reason = models.CharField(_("reason of the last failure"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["post", "subscriber"], name="one_delivery_per_post")
        ]

    def __str__(self):
        return f"{self.post} → #{self.subscriber_id} ({self.get_status_display()})"

    def mark_sent(self):
        self.sent_at = timezone.now()
        self._record(self.Status.SENT, reason="")

    def mark_failed(self, reason: str):
        """Record a failure; any address in the mail server's answer is left out."""
        self._record(self.Status.FAILED, reason=redact(reason)[:300])

    def _record(self, status, reason):
        self.status, self.reason = status, reason
        self.attempts += 1
        self.save(update_fields=["status", "reason", "attempts", "sent_at", "updated_at"])
