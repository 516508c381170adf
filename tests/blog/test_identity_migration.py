"""The data migration gives existing rows one identity: NFC/NFD and case duplicates of a
tag merge into the oldest, slugs take their stored form, colliding slugs a suffix."""

import importlib
import unicodedata

import pytest
from django.apps import apps

from blog.models import Post, Section, Tag, TaggedPost
from tests.factories import PostFactory, SectionFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("blog.migrations.0012_normalise_slugs_and_tag_keys")


def test_existing_duplicate_tags_merge_and_slugs_are_normalised():
    first, second = PostFactory(tags=["Café"]), PostFactory(tags=["other"])
    nfd = unicodedata.normalize("NFD", "CAFÉ\u202e")
    Tag.objects.filter(name="other").update(name=nfd, key=nfd.casefold())
    SectionFactory(slug="news")
    Section.objects.filter(slug="news").update(slug="NEWS")
    SectionFactory(slug="news")
    Post.objects.filter(pk=first.pk).update(slug="XSS-P-5")

    migration.normalise(apps, None)

    assert list(Tag.objects.values_list("name", "key")) == [("Café", "café")]
    assert TaggedPost.objects.filter(content_object=second).get().tag.name == "Café"
    assert sorted(
        Section.objects.filter(slug__startswith="news").values_list("slug", flat=True)
    ) == ["news", "news-2"]
    assert Post.objects.get(pk=first.pk).slug == "xss-p-5"
