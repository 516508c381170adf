"""The fediverse's records: our actors and their keys, the remote actors that follow them
(an address, an inbox and a key — nothing else about a reader), deliveries, and the
signatures already seen."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from authors.models import Author
from blog.links import absolute_url
from blog.models import Post

from . import keys


class ActorQuerySet(models.QuerySet):
    def federated(self):
        return self.filter(federated=True)

    def site(self) -> "Actor":
        return self.get_or_create(kind=Actor.Kind.SITE)[0]

    def of_author(self, author: Author) -> "Actor":
        return self.get_or_create(author=author, defaults={"kind": Actor.Kind.PERSON})[0]

    def named(self, username: str) -> "Actor | None":
        """The actor with this username: the site's, or an active author's (created on demand)."""
        if username == settings.FEDIVERSE_SITE_USERNAME:
            return self.site()
        author = Author.objects.active().filter(slug=username).first()
        return author and self.of_author(author)

    def of_post(self, post: Post) -> list["Actor"]:
        """The federated actors a post is delivered for: its authors in byline order, the site."""
        actors = [self.of_author(author) for author in post.byline]
        return [actor for actor in [*actors, self.site()] if actor.federated]


class Actor(models.Model):
    """A columnist, or the site as a whole, as the fediverse sees them."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Columnist")
        SITE = "site", _("The whole site")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.PERSON)
    author = models.OneToOneField(
        Author,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="fediverse_actor",
    )
    federated = models.BooleanField(
        _("federated"),
        default=True,
        help_text=_(
            "Off: the fediverse can neither find nor follow this actor (its address answers "
            "“gone”), and nothing is delivered for it."
        ),
    )
    public_key_pem = models.TextField(_("public key"), blank=True, editable=False)
    private_key_pem = models.TextField(blank=True, editable=False)
    key_created_at = models.DateTimeField(_("key created"), null=True, editable=False)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "author__name"]
        verbose_name = _("fediverse actor")
        verbose_name_plural = _("fediverse actors")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(kind="site"), name="one_site_actor"
            )
        ]

    def __str__(self):
        return f"@{self.username}"

    @property
    def username(self) -> str:
        return self.author.slug if self.author_id else settings.FEDIVERSE_SITE_USERNAME

    @property
    def display_name(self) -> str:
        return self.author.name if self.author_id else settings.SITE_NAME

    @property
    def uri(self) -> str:
        return self.address("fediverse:actor")

    @property
    def key_id(self) -> str:
        return f"{self.uri}#main-key"

    def address(self, name: str) -> str:
        return absolute_url(reverse(name, kwargs={"username": self.username}))

    def profile_url(self) -> str:
        return absolute_url(self.author.get_absolute_url() if self.author_id else "/")

    def public_key(self) -> str:
        if not self.public_key_pem:
            self.rotate_keys()
        return self.public_key_pem

    def private_key(self):
        self.public_key()
        return keys.load_private_key(self.private_key_pem)

    def rotate_keys(self):
        self.private_key_pem, self.public_key_pem = keys.new_key_pair()
        self.key_created_at = timezone.now()
        if self.pk:
            self.save(update_fields=["private_key_pem", "public_key_pem", "key_created_at"])


class RemoteActor(models.Model):
    """Another server's actor that signed a request to us: where to deliver, how to verify."""

    uri = models.URLField(_("address"), max_length=500, unique=True)
    inbox = models.URLField(_("inbox"), max_length=500)
    shared_inbox = models.URLField(_("shared inbox"), max_length=500, blank=True)
    key_id = models.URLField(_("key"), max_length=500, unique=True)
    public_key_pem = models.TextField(_("public key"))
    fetched_at = models.DateTimeField(_("fetched"), auto_now=True)

    class Meta:
        verbose_name = _("remote actor")
        verbose_name_plural = _("remote actors")

    def __str__(self):
        return self.uri

    @property
    def delivery_inbox(self) -> str:
        return self.shared_inbox or self.inbox


class Follower(models.Model):
    actor = models.ForeignKey(
        Actor, verbose_name=_("followed"), on_delete=models.CASCADE, related_name="followers"
    )
    remote = models.ForeignKey(
        RemoteActor, verbose_name=_("follower"), on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [
            models.UniqueConstraint(fields=["actor", "remote"], name="one_follow_per_actor")
        ]

    def __str__(self):
        return f"{self.remote} → {self.actor}"


class FederatedPost(models.Model):
    """A post the fediverse was told about, and the version it last got (its `updated_at`)."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="federation")
    sent_version = models.DateTimeField()

    class Meta:
        verbose_name = _("federated post")
        verbose_name_plural = _("federated posts")

    def __str__(self):
        return str(self.post)


class Delivery(models.Model):
    """One activity to one inbox: retried later and later, given up after a limit."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        GIVEN_UP = "given_up", _("Given up")

    sender = models.ForeignKey(
        Actor, verbose_name=_("sender"), on_delete=models.CASCADE, related_name="deliveries"
    )
    inbox = models.URLField(_("inbox"), max_length=500)
    activity = models.JSONField(_("activity"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    reason = models.CharField(_("reason of the last failure"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self):
        return f"{self.activity.get('type')} → {self.inbox}"

    def record(self, status: str, reason: str = ""):
        self.status, self.reason = status, reason[:300]
        self.attempts += 1
        self.save(update_fields=["status", "reason", "attempts", "updated_at"])


class SeenSignature(models.Model):
    """A signature an inbox accepted; the same one again is a replay."""

    digest = models.CharField(max_length=64, unique=True)
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("seen signature")
        verbose_name_plural = _("seen signatures")

    def __str__(self):
        return self.digest
