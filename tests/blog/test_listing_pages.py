import pytest
from django.test import override_settings
from pytest_django.asserts import assertContains, assertNotContains

from blog.models import Post
from tests.factories import PostFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/", "/sections/blogs/", "/tags/belarus/", "/authors/valer-karbalevich/"],
)
def test_every_listing_shows_the_demo_column(client, demo_post, url):
    response = client.get(url)

    assertContains(response, f'href="{demo_post.get_absolute_url()}"')
    assertContains(response, "Why Belarus and Kazakhstan took different paths")


@pytest.mark.parametrize(
    "url", ["/", "/sections/{section}/", "/tags/hidden/", "/authors/{author}/"]
)
def test_listings_hide_drafts_reviews_and_future_posts(client, url):
    section = SectionFactory()
    for status in [Post.Status.DRAFT, Post.Status.REVIEW]:
        PostFactory(title=f"Secret {status}", status=status, section=section, tags=["hidden"])
    future = PostFactory(title="Secret future", section=section, tags=["hidden"])
    Post.objects.filter(pk=future.pk).update(publish_at="2999-01-01T00:00Z")
    author = future.byline[0]

    response = client.get(url.format(section=section.slug, author=author.slug))

    assertNotContains(response, "Secret")


def test_the_section_page_lists_only_its_own_posts(client):
    mine, theirs = PostFactory(title="Mine"), PostFactory(title="Theirs")

    response = client.get(mine.section.get_absolute_url())

    assertContains(response, "Mine")
    assertNotContains(response, "Theirs")
    assert theirs.section != mine.section


@override_settings()
def test_the_index_is_paginated_newest_first(client, settings):
    section = SectionFactory()
    posts = PostFactory.create_batch(12, section=section)
    newest = max(posts, key=lambda post: post.publish_at)

    first_page = client.get("/")
    older = first_page.context["page_obj"].older_query
    second_page = client.get(f"/{older}")

    assert len(first_page.context["posts"]) == 10
    assert first_page.context["posts"][0] == newest
    assertContains(first_page, f'rel="next" href="/{older}"')
    assert len(second_page.context["posts"]) == 2
    assert client.get("/?older=0.0").status_code == 404


@pytest.mark.parametrize("url", ["/sections/nope/", "/tags/nope/", "/authors/nope/", "/nope/"])
def test_unknown_pages_answer_a_friendly_404(client, url):
    response = client.get(url)

    assertContains(response, "Page not found", status_code=404)


def test_listing_queries_do_not_grow_with_the_number_of_posts(
    client, django_assert_max_num_queries
):
    PostFactory.create_batch(3, tags=["a", "b"])
    with django_assert_max_num_queries(8) as few:
        client.get("/")
    PostFactory.create_batch(9, tags=["c", "d"])

    with django_assert_max_num_queries(8) as many:
        client.get("/")

    assert len(many) == len(few)
