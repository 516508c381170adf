"""Telegram channels and the messages posted to them.

A `Channel` maps one Telegram chat to the whole site, a section or an author. A
`TelegramMessage` is the one message a post gets in one channel (a unique constraint
makes it at most one, whatever happens): what was sent, where, and how the last try went.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blog.models.querysets import carried_by
from blog.plaintext import OneLineField

# Telegram lets bots edit and delete their messages for 48 hours.
CHANGE_WINDOW = timedelta(hours=48)

validate_chat = RegexValidator(
    r"\A(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})\Z",
    _("Enter the channel’s @username or its numeric chat id (such as -1001234567890)."),
)


class ChannelQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_post(self, post):
        """The channels that carry `post`: the site's, its section's and its authors'."""
        return self.active().filter(carried_by(post))


class Channel(models.Model):
    """A Telegram chat that gets the site's columns, a section's or an author's."""

    chat = models.CharField(
        _("chat"),
        max_length=40,
        unique=True,
        validators=[validate_chat],
        help_text=_(
            "The channel’s @username or its numeric chat id. Add the bot to the channel as "
            "an administrator who may post messages."
        ),
    )
    name = OneLineField(_("name"), max_length=200, blank=True)
    section = models.ForeignKey(
        "blog.Section",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="telegram_channels",
        help_text=_("Only this section’s columns. Leave section and author empty for all."),
    )
    author = models.ForeignKey(
        "authors.Author",
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="telegram_channels",
        help_text=_("Only this author’s columns."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = ChannelQuerySet.as_manager()

    class Meta:
        ordering = ["chat"]
        verbose_name = _("Telegram channel")
        verbose_name_plural = _("Telegram channels")
        constraints = [
            models.CheckConstraint(
                condition=Q(author=None) | Q(section=None), name="telegram_channel_one_scope"
            )
        ]

    def __str__(self):
        return self.name or self.chat

    @property
    def scope(self):
        if self.author:
            return _("Columns by %(name)s") % {"name": self.author.name}
        if self.section:
            return _("Columns in “%(name)s”") % {"name": self.section.name}
        return _("All columns")

    def clean(self):
        if self.author_id and self.section_id:
            raise ValidationError(_("Choose a section or an author, not both."))


class TelegramMessageQuerySet(models.QuerySet):
    def prepare(self, post):
        """A row for every channel that carries `post` and has none yet."""
        self.bulk_create(
            [
                TelegramMessage(post=post, channel=channel, chat_id=channel.chat)
                for channel in Channel.objects.for_post(post)
            ],
            ignore_conflicts=True,
        )

    def queue(self) -> list[int]:
        """Mark these messages as waiting to follow their posts, with fresh attempts (given
        up or not); their ids."""
        self.update(state=TelegramMessage.State.QUEUED, attempts=0, next_attempt_at=None)
        return list(self.values_list("pk", flat=True))


class TelegramMessage(models.Model):
    """The one message of one post in one channel, and how the last try went."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        POSTED = "posted", _("Posted")
        REMOVED = "removed", _("Not in the channel")
        FAILED = "failed", _("Failed")

    post = models.ForeignKey(
        "blog.Post",
        verbose_name=_("post"),
        on_delete=models.CASCADE,
        related_name="telegram_messages",
    )
    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.CASCADE, related_name="messages"
    )
    chat_id = models.CharField(_("chat id"), max_length=40)
    chat_username = models.CharField(_("chat username"), max_length=40, blank=True)
    message_id = models.BigIntegerField(_("message id"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State, default=State.QUEUED, db_index=True
    )
    error = models.CharField(_("last error"), max_length=500, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    content_digest = models.CharField(max_length=64, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    objects = TelegramMessageQuerySet.as_manager()

    class Meta:
        ordering = ["channel__chat", "pk"]
        verbose_name = _("Telegram message")
        verbose_name_plural = _("Telegram messages")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "channel"], name="one_telegram_message_per_channel"
            )
        ]

    def __str__(self):
        return f"{self.post} → {self.channel} ({self.get_state_display()})"

    @property
    def public_url(self) -> str:
        """The message's address on t.me when the channel is public, else ""."""
        username = self.chat_username or self.chat_id.removeprefix("@")
        if self.message_id is None or username == self.chat_id:
            return ""
        return f"https://t.me/{username}/{self.message_id}"

    def awaits_attempt(self, now) -> bool:
        """False once given up (until the post changes) or while a retry is scheduled later."""
        given_up = self.state == self.State.FAILED
        return not given_up and not (self.next_attempt_at and self.next_attempt_at > now)

    def may_change(self, now) -> bool:
        """Whether Telegram still lets the bot edit the message (48 hours after sending)."""
        return self.sent_at is not None and now - self.sent_at < CHANGE_WINDOW

    def record_sent(self, result: dict, digest: str):
        chat = result.get("chat", {})
        self.message_id = result["message_id"]
        self.chat_id = str(chat.get("id", self.chat_id))
        self.chat_username = chat.get("username", "")
        self.sent_at = timezone.now()
        self._record(self.State.POSTED, digest=digest)

    def record_posted(self, digest: str, note: str = ""):
        """The message in the channel stands (edited to `digest`, or left as it was)."""
        self._record(self.State.POSTED, digest=digest, error=note)

    def record_removed(self):
        self.message_id = None
        self._record(self.State.REMOVED, digest="")

    def record_failure(self, error: str, retry_in: timedelta | None):
        """Note the failure; return when to try again (None: not again)."""
        if retry_in is None:
            self._record(self.State.FAILED, digest=self.content_digest, error=error)
            return None
        self.next_attempt_at = timezone.now() + retry_in
        self._record(self.State.QUEUED, digest=self.content_digest, error=error)
        return self.next_attempt_at

    def _record(self, state, digest: str, error: str = ""):
        self.state, self.content_digest, self.error = state, digest, error[:500]
        self.claimed_until = None
        if state != self.State.QUEUED:
            self.next_attempt_at = None
        self.save()
