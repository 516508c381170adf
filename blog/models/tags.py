"""Tags whose identity ignores letter case in every script, on every database.

taggit's TAGGIT_CASE_INSENSITIVE relies on the database's `iexact`, which SQLite
applies to ASCII only, so "Беларусь" and "беларусь" would become two tags there.
Here each tag stores its case-folded name under a unique constraint, and tag
strings are resolved against that key before taggit sees them.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import _TaggableManager
from taggit.models import TagBase, TaggedItemBase

from blog.plaintext import NormalSlugField, OneLineField, one_line
from blog.slugs import unicode_slugify

# A tag on more posts than this is common: its page walks the newest posts, checking each for
# the tag, rather than gathering all of its posts to pick the newest (`Post.objects.tagged`).
COMMON_TAG_POSTS = 300


def tag_name(name: str) -> str:
    """The name as stored: one line, single spaces, NFC."""
    return " ".join(one_line(name).split())


def tag_key(name: str) -> str:
    """What makes two names one tag: the same letters whatever their case or composition."""
    return unicodedata.normalize("NFC", tag_name(name).casefold())


class TagQuerySet(models.QuerySet):
    def resolve(self, names):
        """Existing tags for `names` (matched regardless of case), creating the missing ones."""
        names = [tag_name(name) for name in names if tag_name(name)]
        wanted = {tag_key(name): name for name in names}
        found = {tag.key: tag for tag in self.filter(key__in=wanted)}
        for key, name in wanted.items():
            if key not in found:
                found[key], _created = self.get_or_create(key=key, defaults={"name": name})
        return [found[tag_key(name)] for name in names]

    def with_reach(self):
        """Annotate `is_common`: whether more than COMMON_TAG_POSTS posts carry the tag (read
        from the tag's index, never more than that many entries of it)."""
        tagged = TaggedPost.objects.filter(tag=OuterRef("pk"))
        return self.annotate(is_common=Exists(tagged[COMMON_TAG_POSTS:]))


class Tag(TagBase):
    name = OneLineField(pgettext_lazy("A tag name", "name"), unique=True, max_length=100)
    slug = NormalSlugField(
        pgettext_lazy("A tag slug", "slug"), unique=True, max_length=100, allow_unicode=True
    )
    key = models.CharField(max_length=100, unique=True, editable=False)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def clean(self):
        same_name = Tag.objects.filter(key=tag_key(self.name)).exclude(pk=self.pk)
        if same_name.exists():
            raise ValidationError({"name": _("A tag with this name already exists.")})

    def save(self, *args, **kwargs):
        self.name = tag_name(self.name)
        self.key = tag_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("blog:tag", kwargs={"slug": self.slug})

    def slugify(self, tag, i=None):
        """taggit's slug, with "tag" standing in for a name without letters or digits."""
        return super().slugify(tag if unicode_slugify(tag) else "tag", i)


class TaggedPost(TaggedItemBase):
    content_object = models.ForeignKey("blog.Post", on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_posts")

    class Meta:
        verbose_name = _("tagged post")
        verbose_name_plural = _("tagged posts")
        indexes = [models.Index(fields=["tag", "content_object"], name="tagged_post_tag_idx")]


class CaseFoldingTagManager(_TaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs):
        names = [tag for tag in tags if isinstance(tag, str)]
        resolved = iter(Tag.objects.resolve(names))
        tags = [next(resolved) if isinstance(tag, str) and tag_name(tag) else tag for tag in tags]
        return super()._to_tag_model_instances(
            [tag for tag in tags if not isinstance(tag, str)], tag_kwargs
        )
