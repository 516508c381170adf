"""What a page costs the database when it is rendered (page cache bypassed), with plenty of
tags, authors, key points, related posts and corrections around: the same at any size."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains

from authors.models import Author
from blog.models import Correction, Section
from tests.factories import AuthorFactory, PostFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

POST_PAGE = 6
LIST_PAGE = 5  # the subject (section, tag or author), posts, bylines, tags, key points
ADMIN_POST_LIST = 10


@pytest.fixture
def rendered_every_time(settings):
    settings.PAGE_CACHE = False


def crowded_site(posts: int):
    """`posts` more posts sharing a section, authors and tags, each with extras of its own."""
    section = Section.objects.filter(slug="crowded").first() or SectionFactory(slug="crowded")
    authors = list(Author.objects.filter(slug__startswith="shared-")) or [
        AuthorFactory(slug=f"shared-{n}") for n in range(3)
    ]
    made = [
        PostFactory(
            section=section,
            authors=[*authors, AuthorFactory()],
            tags=["Shared", "Common", f"Own {n}"],
            key_points=["One point", "Another point"],
        )
        for n in range(posts)
    ]
    for post in made:
        Correction.objects.create(post=post, text="A corrected name.")
    return made


def queries_for(client, url) -> int:
    """Queries for `url` once the fragments every page shares are cached."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_post_page_needs_at_most_six_queries_however_crowded(
    client, rendered_every_time, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    post = crowded_site(12)[0]
    client.get(post.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        post.save()
    caches["pages"].clear()  # as in a server process that never showed it

    with django_assert_max_num_queries(POST_PAGE):
        response = client.get(post.get_absolute_url())

    assertContains(response, f'<h1 class="post__title" lang="en">{post.title}</h1>')
    assertContains(response, 'class="related__item"', count=3)


def test_a_post_page_read_before_needs_no_query(
    client, rendered_every_time, django_assert_num_queries
):
    post = crowded_site(3)[0]
    client.get(post.get_absolute_url())

    with django_assert_num_queries(0):
        assertContains(client.get(post.get_absolute_url()), post.title)


@pytest.mark.parametrize("url", ["/", "/sections/crowded/", "/tags/shared/", "/authors/shared-0/"])
def test_list_pages_cost_the_same_whatever_the_number_of_posts(client, rendered_every_time, url):
    crowded_site(3)
    few = queries_for(client, url)

    crowded_site(25)
    many = queries_for(client, url)

    assert many == few <= LIST_PAGE


def test_the_admin_post_list_costs_the_same_per_page(client):
    client.force_login(UserFactory(is_superuser=True))
    crowded_site(3)
    few = queries_for(client, "/admin/blog/post/")

    crowded_site(30)
    many = queries_for(client, "/admin/blog/post/")

    assert many == few <= ADMIN_POST_LIST
