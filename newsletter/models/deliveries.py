from django.db import models
from django.utils.translation import gettext_lazy as _

from blog.models import Post

from .outbox import Outbox, OutboxQuerySet
from .subscribers import Subscriber


class DeliveryQuerySet(OutboxQuerySet):
    def queue(self, post):
        """A queued delivery for every current recipient of the post that has none yet."""
        recipients = Subscriber.objects.following(post).values_list("pk", flat=True)
        self.bulk_create(
            [Delivery(post=post, subscriber_id=pk) for pk in recipients.iterator()],
            batch_size=500,
            ignore_conflicts=True,
        )

    def pending(self):
        """What may be sent now: sendable, for a visible post and a confirmed subscriber."""
        return self.sendable().filter(
            post__in=Post.objects.published(),
            subscriber__status=Subscriber.Status.CONFIRMED,
        )

    def due_for_retry(self):
        """Pending deliveries nobody touched for a while: failed ones, or ones a crash left."""
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
