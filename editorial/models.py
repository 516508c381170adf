"""What each member of the desk wants to hear about by mail (editorial/notifications.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    """One login's choices; a login without a row gets every notice it is due."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    review_requests = models.BooleanField(
        _("posts submitted for review"),
        default=True,
        help_text=_("Editors: a mail when a writer submits a post for review."),
    )
    own_posts = models.BooleanField(
        _("my posts sent back, scheduled or published"),
        default=True,
        help_text=_("Writers: a mail when an editor moves a post that credits you."),
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user)
