import uuid

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blog.models.querysets import carried_by
from newsletter.addresses import normalize_address
from newsletter.conf import setting
from newsletter.keyring import keyring
from newsletter.targets import Target

ADDRESS_PERMISSION = "newsletter.view_subscriber_address"


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def following(self, post):
        """Confirmed subscribers with a confirmed follow matching the post, each once."""
        matching = Follow.objects.confirmed().matching(post).values("subscriber")
        return self.confirmed().filter(pk__in=matching)

    def with_address(self, address: str):
        """The subscriber with this address (its digest under any of the site's keys)."""
        return self.filter(email_digest__in=keyring().digests(normalize_address(address)))

    def for_address(self, address: str) -> "Subscriber":
        """The subscriber with this address, created pending if new, pending again if they left."""
        address = normalize_address(address)
        ring = keyring()
        subscriber, _created = self.get_or_create(
            email_digest__in=ring.digests(address),
            defaults={"email_digest": ring.digest(address), "encrypted_email": ring.seal(address)},
        )
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            subscriber.status, subscriber.email = Subscriber.Status.PENDING, address
            subscriber.created_at = timezone.now()
            subscriber.save(
                update_fields=["status", "encrypted_email", "email_digest", "created_at"]
            )
        return subscriber

    def unconfirmed_since(self, moment):
        """Pending subscribers asked before `moment`, whose last confirmation link (if any) was
        sent before it too: no link they hold can confirm them any more."""
        return self.filter(
            Q(confirmation_sent_at=None) | Q(confirmation_sent_at__lt=moment),
            status=Subscriber.Status.PENDING,
            created_at__lt=moment,
        )


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    # The address sealed (newsletter/keyring.py; empty once they unsubscribed) and its keyed
    # digest, which is all that finds it: read and set it through `email`.
    encrypted_email = models.TextField(_("encrypted address"), blank=True, editable=False)
    email_digest = models.CharField(_("address digest"), max_length=64, unique=True, editable=False)
    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation mail sent"), null=True, blank=True, editable=False
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        permissions = [("view_subscriber_address", _("Can see subscribers' addresses"))]

    def __str__(self):
        return _("Subscriber #%(id)s") % {"id": self.pk}

    @property
    def email(self) -> str:
        """The address, opened with the site's key; empty once they unsubscribed."""
        return keyring().open(self.encrypted_email) if self.encrypted_email else ""

    @email.setter
    def email(self, address: str):
        address, ring = normalize_address(address), keyring()
        self.encrypted_email, self.email_digest = ring.seal(address), ring.digest(address)

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    def follow(self, target) -> "Follow":
        """Add a follow: it brings no mail until the reader confirms it."""
        follow, _created = self.follows.get_or_create(author=target.author, section=target.section)
        return follow

    def awaits_confirmation(self) -> bool:
        """Whether they asked for something they have not confirmed yet."""
        return self.follows.unconfirmed().exists()

    def claim_confirmation_mail(self) -> bool:
        """True at most once per rate window, across processes: whoever wins sends the mail."""
        now = timezone.now()
        last_allowed = now - setting("NEWSLETTER_RATE_WINDOW")
        free = Q(confirmation_sent_at=None) | Q(confirmation_sent_at__lte=last_allowed)
        return bool(Subscriber.objects.filter(free, pk=self.pk).update(confirmation_sent_at=now))

    @transaction.atomic
    def confirm(self):
        now = timezone.now()
        self.follows.unconfirmed().update(confirmed_at=now)
        if not self.is_confirmed:
            self.status, self.confirmed_at = self.Status.CONFIRMED, now
            self.save(update_fields=["status", "confirmed_at"])

    @transaction.atomic
    def unsubscribe(self):
        """Stop every mail at once: no follows, nothing left waiting to be sent, and no
        address: only its digest stays, so that a new subscription finds this row."""
        self.follows.all().delete()
        self.deliveries.unsent().delete()
        self.status, self.encrypted_email, self.confirmed_at = self.Status.UNSUBSCRIBED, "", None
        self.save(update_fields=["status", "encrypted_email", "confirmed_at"])

    @transaction.atomic
    def set_follows(self, targets):
        """Follow exactly `targets` (confirmed: the reader proved the mailbox is theirs)."""
        if not targets:
            self.unsubscribe()
            return
        wanted = [self.follow(target) for target in targets]
        self.follows.exclude(pk__in=[follow.pk for follow in wanted]).delete()
        self.confirm()


class FollowQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at=None)

    def matching(self, post):
        """Follows of one of the post's authors, of its section, or of the whole blog."""
        return self.filter(carried_by(post))

    def counts(self, field):
        """Confirmed followers per author or section: rows of (name, count), largest first."""
        return (
            self.confirmed()
            .filter(subscriber__status=Subscriber.Status.CONFIRMED, **{f"{field}__isnull": False})
            .values_list(f"{field}__name")
            .annotate(followers=models.Count("pk"))
            .order_by("-followers", f"{field}__name")
        )


class Follow(models.Model):
    """One thing a subscriber follows: an author, a section, or (neither set) the whole blog."""

    subscriber = models.ForeignKey(
        Subscriber, verbose_name=_("subscriber"), on_delete=models.CASCADE, related_name="follows"
    )
    author = models.ForeignKey(
        "authors.Author",
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
    )
    section = models.ForeignKey(
        "blog.Section",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=Q(author=None) | Q(section=None), name="follow_one_target"
            ),
            models.UniqueConstraint(
                fields=["subscriber", "author"],
                condition=Q(author__isnull=False),
                name="unique_author_follow",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "section"],
                condition=Q(section__isnull=False),
                name="unique_section_follow",
            ),
            models.UniqueConstraint(
                fields=["subscriber"],
                condition=Q(author=None, section=None),
                name="unique_blog_follow",
            ),
        ]

    def __str__(self):
        return str(self.target.label)

    @property
    def target(self):
        return Target(author=self.author, section=self.section)
