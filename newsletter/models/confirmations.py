from django.db import models
from django.utils.translation import gettext_lazy as _

from .outbox import Outbox, OutboxQuerySet
from .subscribers import Subscriber


class ConfirmationMailQuerySet(OutboxQuerySet):
    def due_for_retry(self):
        return self.sendable().idle()


class ConfirmationMail(Outbox):
    """A confirmation link owed to a subscriber: sent by the worker, retried like deliveries."""

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="confirmation_mails",
    )

    objects = ConfirmationMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("confirmation mail")
        verbose_name_plural = _("confirmation mails")

    def __str__(self):
        return f"#{self.subscriber_id} ({self.get_status_display()})"
