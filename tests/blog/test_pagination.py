"""Newest-first lists page by position ("Newer" / "Older"), with no count and no OFFSET."""

from datetime import timedelta
from itertools import chain

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def twenty_five_posts(settings):
    settings.POSTS_PER_PAGE = 10
    author, section = AuthorFactory(slug="prolific"), SectionFactory(slug="opinion")
    start = timezone.now() - timedelta(days=30)
    # Pairs of posts share a publish time, so the pk must break ties.
    return [
        PostFactory(
            title=f"Post {n:02}",
            publish_at=start + timedelta(hours=n // 2),
            authors=[author],
            section=section,
            tags=["Paged"],
        )
        for n in range(25)
    ]


def titles(response):
    return [post.title for post in response.context["posts"]]


def walk(client, url, direction):
    """Every page from `url`, following `direction` ("older" or "newer") to the end."""
    pages = []
    while url:
        response = client.get(url)
        pages.append(titles(response))
        query = getattr(response.context["page_obj"], f"{direction}_query")
        url = query and f"{response.wsgi_request.path}{query}"
    return pages


@pytest.mark.parametrize("url", ["/", "/sections/opinion/", "/tags/paged/", "/authors/prolific/"])
def test_older_links_walk_every_post_once_newest_first(client, twenty_five_posts, url):
    pages = walk(client, url, "older")

    assert [len(page) for page in pages] == [10, 10, 5]
    assert list(chain(*pages)) == [f"Post {n:02}" for n in reversed(range(25))]


def test_newer_links_walk_back_to_the_first_page(client, twenty_five_posts):
    last_page_url = "/" + client.get("/").context["page_obj"].older_query
    last_page_url = "/" + client.get(last_page_url).context["page_obj"].older_query

    pages = walk(client, last_page_url, "newer")

    assert [page[0] for page in pages] == ["Post 04", "Post 14", "Post 24"]
    assert 'rel="prev"' not in client.get("/").text


def test_lists_are_paged_without_counting_or_skipping_rows(client, twenty_five_posts):
    second_page = "/" + client.get("/").context["page_obj"].older_query
    with CaptureQueriesContext(connection) as queries:
        client.get(second_page)

    sql = " ".join(query["sql"].upper() for query in queries.captured_queries)
    assert "COUNT(" not in sql
    assert "OFFSET" not in sql


@pytest.mark.parametrize(
    "query",
    [
        "?older=yesterday",
        "?older=1.2.3",
        "?newer=99999999999999999999999.1",
        "?older=" + "9" * 5000,
        "?older=0.0",
    ],
)
def test_a_bad_or_stale_position_is_a_friendly_404(client, twenty_five_posts, query):
    response = client.get(f"/{query}")

    assert response.status_code == 404
    assert "Page not found" in response.text
