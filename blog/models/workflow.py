"""The records the editorial desk keeps: status transitions, share-preview links and the
house-style rules."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .posts import Post

PREVIEW_LINK_LIFETIME = timedelta(days=7)


class PostTransition(models.Model):
    """One move of a post through draft → review → published: who, when, from, to, why."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="transitions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=10, choices=Post.Status)
    to_status = models.CharField(_("to"), max_length=10, choices=Post.Status)
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.post}: {self.from_status} → {self.to_status}"


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(created_at__gt=timezone.now() - PREVIEW_LINK_LIFETIME)


class PreviewLink(models.Model):
    """A revocable share-preview address; deleting the row revokes it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="preview_links")
    nonce = models.CharField(max_length=43, unique=True, default=secrets.token_urlsafe)
    token = models.TextField(editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("share-preview link")
        verbose_name_plural = _("share-preview links")

    def __str__(self):
        return f"{self.post} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def expires_at(self):
        return self.created_at + PREVIEW_LINK_LIFETIME


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
