from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from blog.plaintext import NormalSlugField, OneLineField, PlainTextField
from blog.richtext import RichTextField


class Disclaimer(models.Model):
    class Placement(models.TextChoices):
        BEFORE_BODY = "before", _("Before the body")
        AFTER_BODY = "after", _("After the body")

    name = OneLineField(_("internal name"), max_length=200, help_text=_("Shown to editors only."))
    text = RichTextField(_("text"))
    placement = models.CharField(
        _("placement"), max_length=10, choices=Placement, default=Placement.AFTER_BODY
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("disclaimer")
        verbose_name_plural = _("disclaimers")

    def __str__(self):
        return self.name


class Section(models.Model):
    name = OneLineField(_("name"), max_length=200)
    slug = NormalSlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    description = PlainTextField(_("description"), blank=True)
    default_disclaimer = models.ForeignKey(
        Disclaimer,
        verbose_name=_("default disclaimer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sections",
        help_text=_("Shown on every post of the section that has no disclaimer of its own."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:section", kwargs={"slug": self.slug})
