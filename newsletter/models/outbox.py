"""What every outgoing mail row shares: claimed before sending, recorded after.

No transaction or lock is held while a mail server is talked to. A sender claims a row with
one conditional UPDATE (committed at once), sends with no transaction open, and records the
result with a second UPDATE that only matches while its claim stands. A claim older than
NEWSLETTER_CLAIM_TIMEOUT belongs to a sender that died: the row may be claimed again. Each
claim counts as an attempt, so a mail that crashes its sender is given up on too.
"""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsletter.conf import setting
from security.logs import redact


class OutboxQuerySet(models.QuerySet):
    def unsent(self):
        return self.exclude(status=Outbox.Status.SENT)

    def wanted(self):
        """Still to be sent: queued, or failed and to be tried again."""
        return self.filter(status__in=[Outbox.Status.QUEUED, Outbox.Status.FAILED])

    def sendable(self):
        """Wanted, with attempts left, and claimed by no sender still at work."""
        abandoned = timezone.now() - setting("NEWSLETTER_CLAIM_TIMEOUT")
        return self.wanted().filter(
            Q(claimed_at=None) | Q(claimed_at__lte=abandoned),
            attempts__lt=setting("NEWSLETTER_MAX_ATTEMPTS"),
        )

    def idle(self):
        """Rows nobody touched for the retry delay (failed, or left by a crash), the delay
        doubling with each attempt after the first: 5, 10, 20, 40 minutes by default."""
        now, delay = timezone.now(), setting("NEWSLETTER_RETRY_DELAY")
        waited = Q()
        for attempts in range(setting("NEWSLETTER_MAX_ATTEMPTS")):
            pause = delay * 2 ** max(attempts - 1, 0)
            waited |= Q(attempts=attempts, updated_at__lte=now - pause)
        return self.filter(waited)

    def claim(self, pk):
        """The row, now this sender's to send; None if it is done or another sender has it."""
        now = timezone.now()
        claimed = (
            self.sendable()
            .filter(pk=pk)
            .update(claimed_at=now, attempts=F("attempts") + 1, updated_at=now)
        )
        return self.filter(pk=pk).first() if claimed else None


class Outbox(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # No longer wanted: never claimed again (a mailing an editor stopped).
        CANCELLED = "cancelled", _("Cancelled")

    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    reason = models.CharField(_("reason of the last failure"), max_length=300, blank=True)
    claimed_at = models.DateTimeField(_("being sent since"), null=True, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        abstract = True

    def record_sent(self):
        self._record(self.Status.SENT, reason="", sent_at=timezone.now())

    def record_failure(self, reason: str):
        """Record a failure; any address in the mail server's answer is left out."""
        self._record(self.Status.FAILED, reason=redact(reason)[:300], sent_at=None)

    def _record(self, status, reason, sent_at):
        """Store the outcome of this sender's claim, unless the claim was taken over since.

        A mail cancelled while it was being sent stays cancelled unless it went out."""
        claim = type(self).objects.filter(pk=self.pk, attempts=self.attempts)
        if status != self.Status.SENT:
            claim = claim.exclude(status=self.Status.CANCELLED)
        claim.update(
            status=status,
            reason=reason,
            sent_at=sent_at,
            claimed_at=None,
            updated_at=timezone.now(),
        )
