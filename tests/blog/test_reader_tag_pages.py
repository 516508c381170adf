"""A tag's page and feed list its newest visible columns however many posts carry the tag:
a common tag's are found by walking the newest posts, a rare one's from its tagged posts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import Post, Tag, TaggedPost
from blog.models.tags import COMMON_TAG_POSTS
from tests.factories import PostFactory, SectionFactory

pytestmark = pytest.mark.django_db


def tagged_columns(count, name):
    """`count` published columns an hour apart, newest first, all tagged `name`."""
    section, now = SectionFactory(), timezone.now()
    posts = Post.objects.bulk_create(
        Post(
            title=f"{name} column {n}",
            slug=f"{name.lower()}-column-{n}",
            section=section,
            status=Post.Status.PUBLISHED,
            publish_at=now - timedelta(hours=n + 1),
        )
        for n in range(count)
    )
    tag = Tag.objects.resolve([name])[0]
    TaggedPost.objects.bulk_create(TaggedPost(tag=tag, content_object=post) for post in posts)
    return posts, tag


def hidden_columns(tag_name):
    """The newest columns with the tag, none of them visible to readers."""
    draft = PostFactory(title="Secret draft", status=Post.Status.DRAFT, tags=[tag_name])
    scheduled = PostFactory(title="Secret scheduled", tags=[tag_name])
    Post.objects.filter(pk=scheduled.pk).update(publish_at=timezone.now() + timedelta(days=1))
    return [draft, scheduled]


@pytest.mark.parametrize("count", [15, COMMON_TAG_POSTS + 1], ids=["rare", "common"])
def test_a_tag_page_lists_its_newest_visible_columns_page_by_page(client, settings, count):
    posts, tag = tagged_columns(count, "Everywhere")
    hidden_columns("Everywhere")
    PostFactory(title="Untagged and newer")

    first = client.get(tag.get_absolute_url())
    second = client.get(f"{tag.get_absolute_url()}{first.context['page_obj'].older_query}")

    size = settings.POSTS_PER_PAGE
    assert first.context["posts"] == posts[:size]
    assert second.context["posts"] == posts[size : size * 2]


@pytest.mark.parametrize("count", [15, COMMON_TAG_POSTS + 1], ids=["rare", "common"])
def test_a_tag_feed_lists_its_newest_visible_columns(client, count):
    posts, tag = tagged_columns(count, "Everywhere")
    hidden_columns("Everywhere")

    feed = client.get(f"{tag.get_absolute_url()}feed/").content.decode()

    assert posts[0].title in feed
    assert "Secret" not in feed


def test_a_common_tag_page_costs_as_many_queries_as_a_rare_ones(client, settings):
    settings.PAGE_CACHE = False
    _posts, rare = tagged_columns(3, "Rare")
    _posts, common = tagged_columns(COMMON_TAG_POSTS + 1, "Common")

    queries = []
    for tag in [rare, common]:
        client.get(tag.get_absolute_url())
        with CaptureQueriesContext(connection) as captured:
            client.get(tag.get_absolute_url())
        queries.append(len(captured))

    assert queries[0] == queries[1]
