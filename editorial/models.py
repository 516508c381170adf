"""What the desk keeps for its members: the post form's autosaved fields between saves, and
what each member wants to hear about by mail (editorial/notifications.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AutosaveQuerySet(models.QuerySet):
    def of(self, user, post=None, draft=""):
        """The user's autosave of `post`, or of the unsaved add form named `draft`."""
        if post is not None:
            return self.filter(user=user, post=post)
        return self.filter(user=user, post=None, draft=draft or "")

    def store(self, user, fields, post=None, draft=""):
        """Keep `fields` (name → list of values) as the one autosave of this form."""
        saved, _created = self.update_or_create(
            user=user,
            post=post,
            draft="" if post is not None else draft,
            defaults={"data": fields},
        )
        return saved

    def newer_than_save(self, user, post):
        """The user's autosave of `post` if it was made after the post was last saved."""
        return self.of(user, post).filter(saved_at__gt=post.updated_at).first()


class Autosave(models.Model):
    """The form fields a writer typed and did not save yet, one row per form and writer. The
    post itself is untouched (no save, no version) until the writer saves the form."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    post = models.ForeignKey("blog.Post", null=True, blank=True, on_delete=models.CASCADE)
    # An add form has no post yet: the token its page was given names it.
    draft = models.CharField(max_length=64, blank=True)
    data = models.JSONField()
    saved_at = models.DateTimeField(auto_now=True)

    objects = AutosaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("autosave")
        verbose_name_plural = _("autosaves")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "user"], condition=Q(post__isnull=False), name="one_autosave"
            ),
            models.UniqueConstraint(
                fields=["user", "draft"], condition=Q(post__isnull=True), name="one_new_autosave"
            ),
        ]

    def __str__(self):
        return f"{self.user} {self.post or self.draft} {self.saved_at:%Y-%m-%d %H:%M}"


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
