from django.db import models
from django.utils.translation import gettext_lazy as _


class StyleRule(models.Model):
    """A house-style spelling: the preferred form and the variants to flag."""

    preferred = models.CharField(_("preferred spelling"), max_length=200, unique=True)
    variants = models.TextField(
        _("variants"), help_text=_("Spellings to flag, one per line. Matched as whole words.")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["preferred"]
        verbose_name = _("style rule")
        verbose_name_plural = _("style rules")

    def __str__(self):
        return self.preferred

    @property
    def variant_list(self):
        return [line.strip() for line in self.variants.splitlines() if line.strip()]
