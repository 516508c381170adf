import math
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from blog.plaintext import NormalSlugField, OneLineField, PlainTextField, html_text
from blog.richtext import RichTextField
from blog.slugs import unicode_slugify
from security.uploads import RandomName, SafeImageField

from .querysets import PostQuerySet
from .revisions import KnowsItsChanges, RevisionSnapshot
from .sections import Disclaimer, Section
from .tags import CaseFoldingTagManager, TaggedPost

UPDATE_GRACE = timedelta(minutes=5)


def default_post_language():
    return settings.LANGUAGE_CODE.split("-")[0]


class Post(KnowsItsChanges, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    title = OneLineField(_("title"), max_length=300)
    slug = NormalSlugField(
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
    lead = PlainTextField(_("lead"), blank=True, help_text=_("The standfirst under the title."))
    image = SafeImageField(_("image"), upload_to=RandomName("posts/%Y/%m"), blank=True)
    image_alt = OneLineField(
        _("image alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    image_caption = OneLineField(_("image caption"), max_length=300, blank=True)
    image_credit = OneLineField(_("image credit"), max_length=200, blank=True)
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
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        limit_choices_to={"translation_of": None},
        help_text=_(
            "The original post this one translates. The original and all its translations "
            "link to each other."
        ),
    )
    seo_title = OneLineField(
        _("title for search engines"),
        max_length=120,
        blank=True,
        help_text=_("Shown in search results and when shared. Empty: the title."),
    )
    seo_description = PlainTextField(
        _("description for search engines"),
        max_length=300,
        blank=True,
        help_text=_("Shown in search results and when shared. Empty: the lead."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    due_at = models.DateTimeField(
        _("due"),
        null=True,
        blank=True,
        help_text=_("When the draft should be ready; shown on the editorial calendar."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    word_count = models.PositiveIntegerField(_("word count"), default=0, editable=False)

    objects = PostQuerySet.as_manager()
    history = HistoricalRecords(bases=[RevisionSnapshot], excluded_fields=["word_count"])

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        # Every list is newest first, (publish_at, pk): these indexes let the database seek
        # straight to a page of it — all posts, the visible ones, those of one section.
        indexes = [
            models.Index(fields=["status", "publish_at", "id"], name="post_published_idx"),
            models.Index(fields=["publish_at", "id"], name="post_newest_idx"),
            models.Index(fields=["section", "status", "publish_at", "id"], name="post_section_idx"),
        ]
        permissions = [
            ("publish_post", _("Can publish, schedule, unpublish and send back posts")),
            ("edit_any_post", _("Can edit every post, including published ones")),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Store the post; a save that changes no field stores nothing and sends no signal,
        so that `updated_at`, the feeds' validators and the page cache stay as they were."""
        self._follow_title()
        self.slug = self.slug or unicode_slugify(self.title)
        self.word_count = len(f"{self.lead} {html_text(self.body)}".split())
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()
        if kwargs.get("update_fields") is None and not self.changed_fields():
            return
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._remember_old_slug()
        self.remember_stored_values()

    def get_absolute_url(self):
        return reverse("blog:post", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_slug = instance.__dict__.get("slug")
        instance.remember_stored_values()
        return instance

    def _follow_title(self):
        """Until its first publication, an address made from the title follows the title
        (one typed by hand stays); an address already taken is not followed."""
        saved_title = getattr(self, "_stored", {}).get("title")
        if not saved_title or saved_title == self.title:
            return
        if self.slug != unicode_slugify(saved_title) or self.status == self.Status.PUBLISHED:
            return
        new_slug = unicode_slugify(self.title)
        taken = Post.objects.filter(slug=new_slug).exclude(pk=self.pk).exists()
        if new_slug and not taken and not Announcement.objects.filter(post_id=self.pk).exists():
            self.slug = new_slug

    def _remember_old_slug(self):
        old_slug = getattr(self, "_saved_slug", None)
        PostRedirect.objects.filter(old_slug=self.slug).delete()
        if old_slug and old_slug != self.slug:
            PostRedirect.objects.update_or_create(old_slug=old_slug, defaults={"post": self})
        self._saved_slug = self.slug

    def clean(self):
        super().clean()
        self._follow_title()
        self.slug = self.slug or unicode_slugify(self.title)
        if not self.slug:
            raise ValidationError(
                {"slug": _("The title has no letters or digits to make an address of: enter one.")}
            )
        if self.translation_of_id and not self.may_translate(self.translation_of):
            raise ValidationError(
                {"translation_of": _("Choose an original post: not this post, not a translation.")}
            )

    def may_translate(self, original):
        """Translations link to one original; an original cannot itself be a translation."""
        is_other_original = original.pk != self.pk and original.translation_of_id is None
        return is_other_original and not (self.pk and self.translations.exists())

    @cached_property
    def other_versions(self):
        """The published versions of this post in other languages: its original and the
        original's other translations (read with the post by `for_post_page()`)."""
        versions = [Post(**row) for row in self.version_rows or []]
        return sorted(versions, key=lambda version: (version.language, version.pk))

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
        now = timezone.now()
        return self.status == self.Status.PUBLISHED and (self.publish_at or now) > now

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
        indexes = [models.Index(fields=["author", "post"], name="credit_author_post_idx")]
        constraints = [
            models.UniqueConstraint(fields=["post", "author"], name="unique_author_per_post")
        ]

    def __str__(self):
        return str(self.author)


class KeyPoint(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="key_points")
    text = PlainTextField(_("text"), help_text=_("One short point; blank lines split paragraphs."))
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
    """The mark that a post's publication was announced (see editorial.publication)."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="announcement")
    announced_at = models.DateTimeField(_("announced"), auto_now_add=True)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self):
        return f"{self.post} ({self.announced_at:%Y-%m-%d %H:%M})"
