from django.db import models
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blog.models import Post
from newsletter.conf import setting

from .outbox import Outbox, OutboxQuerySet
from .subscribers import Subscriber


class DeliveryQuerySet(OutboxQuerySet):
    def queue(self, post, not_before):
        """A delivery queued until `not_before` for every current recipient of the post not
        mailed yet: new rows, and the rows of a mailing cancelled before (a new publication
        is a new mailing)."""
        recipients = Subscriber.objects.following(post).values_list("pk", flat=True)
        self.bulk_create(
            [
                Delivery(post=post, subscriber_id=pk, not_before=not_before)
                for pk in recipients.iterator()
            ],
            batch_size=500,
            ignore_conflicts=True,
        )
        self.filter(post=post, status=Delivery.Status.CANCELLED, subscriber__in=recipients).update(
            status=Delivery.Status.QUEUED, not_before=not_before, updated_at=timezone.now()
        )

    def cancel(self):
        """Stop every mail of these not sent yet; returns how many were stopped."""
        return self.wanted().update(status=Delivery.Status.CANCELLED, updated_at=timezone.now())

    def pending(self):
        """What may be sent now: sendable and due, for a visible post and a confirmed
        subscriber."""
        return self.sendable().filter(
            not_before__lte=timezone.now(),
            post__in=Post.objects.published(),
            subscriber__status=Subscriber.Status.CONFIRMED,
        )

    def summary(self) -> dict:
        """How many are waiting (and from when), sent and cancelled, in one query. Failed
        mails with no attempt left wait for nothing."""
        Status = Delivery.Status
        waiting = Q(
            status__in=[Status.QUEUED, Status.FAILED],
            attempts__lt=setting("NEWSLETTER_MAX_ATTEMPTS"),
        )
        return self.aggregate(
            waiting=Count("pk", filter=waiting),
            sent=Count("pk", filter=Q(status=Status.SENT)),
            cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
            due=Min("not_before", filter=waiting),
        )

    def due_for_retry(self):
        """Pending deliveries nobody touched for a while: failed ones, ones a crash left, or
        ones whose grace period passed with no sending started."""
        return self.pending().idle()

    def post_ids(self):
        return self.order_by().values_list("post", flat=True).distinct()


class Delivery(Outbox):
    """One post's mail to one subscriber: at most one per pair, whatever happens."""

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
    # Publication mails wait out a grace period (NEWSLETTER_GRACE_PERIOD) before they go.
    not_before = models.DateTimeField(_("not sent before"), default=timezone.now)

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
