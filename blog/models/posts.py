import math
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from blog.richtext import RichTextField
from blog.slugs import unicode_slugify

from .sections import Disclaimer, Section
from .tags import CaseFoldingTagManager, TaggedPost

UPDATE_GRACE = timedelta(minutes=5)


def default_post_language():
    return settings.LANGUAGE_CODE.split("-")[0]


class PostQuerySet(models.QuerySet):
    def published(self):
        """The one rule for what readers may see: published, and its time has come."""
        return self.filter(status=Post.Status.PUBLISHED, publish_at__lte=timezone.now())

    def for_readers(self):
        """Everything a reader page shows, in a fixed number of queries."""
        return self.select_related(
            "section", "disclaimer", "section__default_disclaimer"
        ).prefetch_related(
            models.Prefetch(
                "credits", queryset=PostAuthor.objects.select_related("author").order_by("position")
            ),
            "tags",
            "key_points",
        )

    def newest_first(self):
        return self.order_by("-publish_at", "-pk")


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text=_("The last part of the post's address. Made from the title when empty."),
    )
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="posts"
    )
    authors = models.ManyToManyField(
        "authors.Author",
        verbose_name=_("authors"),
        through="PostAuthor",
        related_name="posts",
    )
    tags = TaggableManager(
        verbose_name=_("tags"), through=TaggedPost, manager=CaseFoldingTagManager, blank=True
    )
    lead = models.TextField(_("lead"), blank=True, help_text=_("The standfirst under the title."))
    image = models.ImageField(_("image"), upload_to="posts/%Y/%m/", blank=True)
    image_alt = models.CharField(
        _("image alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    body = RichTextField(_("body"), blank=True)
    disclaimer = models.ForeignKey(
        Disclaimer,
        verbose_name=_("disclaimer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        help_text=_("Leave empty to use the section's default disclaimer."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.CONTENT_LANGUAGES,
        default=default_post_language,
        help_text=_("The language the post is written in."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    word_count = models.PositiveIntegerField(_("word count"), default=0, editable=False)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["status", "-publish_at"], name="post_published_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.slug = self.slug or unicode_slugify(self.title)
        self.word_count = len(strip_tags(f"{self.lead} {self.body}").split())
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._remember_old_slug()

    def get_absolute_url(self):
        return reverse("blog:post", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_slug = instance.__dict__.get("slug")
        return instance

    def _remember_old_slug(self):
        old_slug = getattr(self, "_saved_slug", None)
        PostRedirect.objects.filter(old_slug=self.slug).delete()
        if old_slug and old_slug != self.slug:
            PostRedirect.objects.update_or_create(old_slug=old_slug, defaults={"post": self})
        self._saved_slug = self.slug

    @property
    def byline(self):
        return [credit.author for credit in self.credits.all()]

    @property
    def effective_disclaimer(self):
        return self.disclaimer or self.section.default_disclaimer

    @property
    def reading_minutes(self):
        return max(1, math.ceil(self.word_count / settings.WORDS_PER_MINUTE))

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()

    @property
    def was_updated(self):
        return bool(self.publish_at) and self.updated_at > self.publish_at + UPDATE_GRACE


class PostAuthor(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="credits")
    author = models.ForeignKey(
        "authors.Author",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="credits",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("author credit")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(fields=["post", "author"], name="unique_author_per_post")
        ]

    def __str__(self):
        return str(self.author)


class KeyPoint(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="key_points")
    text = models.TextField(
        _("text"), help_text=_("One short point; blank lines split paragraphs.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("key point")
        verbose_name_plural = _("key points (“Briefly”)")

    def __str__(self):
        return self.text


class PostRedirect(models.Model):
    """An address a post had before its slug changed; it answers with a permanent redirect."""

    old_slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="redirects")

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return self.old_slug


class Announcement(models.Model):
    """The mark that a post's publication was announced (see blog.publication)."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="announcement")
    announced_at = models.DateTimeField(_("announced"), auto_now_add=True)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self):
        return f"{self.post} ({self.announced_at:%Y-%m-%d %H:%M})"
