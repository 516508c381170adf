from django.db import models
from django.utils.translation import gettext_lazy as _


class RateCounter(models.Model):
    """Hits of one rate-limit key in one time window (the limiter's shared database fallback)."""

    key = models.CharField(_("key"), max_length=100)
    window = models.BigIntegerField(_("window"))
    hits = models.PositiveIntegerField(_("hits"), default=0)
    expires_at = models.DateTimeField(_("expires"), db_index=True)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")
        constraints = [
            models.UniqueConstraint(fields=["key", "window"], name="one_counter_per_window")
        ]

    def __str__(self):
        return f"{self.key} @ {self.window}: {self.hits}"
