"""How the feeds answer over HTTP: validators, conditional requests, caching, compression."""

import gzip
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from blog.models import Post, Tag
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

FEEDS = [
    ("/feed/", "application/rss+xml; charset=utf-8"),
    ("/feed/atom/", "application/atom+xml; charset=utf-8"),
    ("/feed/json/", "application/feed+json; charset=utf-8"),
    ("/authors/{author}/feed/", "application/rss+xml; charset=utf-8"),
    ("/authors/{author}/feed/atom/", "application/atom+xml; charset=utf-8"),
    ("/authors/{author}/feed/json/", "application/feed+json; charset=utf-8"),
    ("/sections/{section}/feed/", "application/rss+xml; charset=utf-8"),
    ("/sections/{section}/feed/atom/", "application/atom+xml; charset=utf-8"),
    ("/tags/{tag}/feed/", "application/rss+xml; charset=utf-8"),
    ("/tags/{tag}/feed/atom/", "application/atom+xml; charset=utf-8"),
]


@pytest.fixture
def newer_and_older(time_machine):
    """Two posts sharing author, section and tag; the clock stands still until shifted."""
    time_machine.move_to(timezone.now(), tick=False)
    older = PostFactory(tags=["Belarus"], publish_at=timezone.now() - timedelta(days=2))
    newer = PostFactory(
        tags=["Belarus"],
        authors=older.byline,
        section=older.section,
        publish_at=timezone.now() - timedelta(days=1),
    )
    return newer, older


@pytest.fixture(params=[False, True], ids=["view", "page-cache"])
def page_cache(request, settings):
    """The feed view answers conditional requests itself, and so does the page cache."""
    settings.PAGE_CACHE = request.param


def address(template, post):
    return template.format(
        author=post.byline[0].slug, section=post.section.slug, tag=post.tags.first().slug
    )


def validators(response):
    return response["ETag"], response["Last-Modified"]


@pytest.mark.parametrize(("template", "content_type"), FEEDS)
def test_every_feed_answers_with_its_type_validators_and_cache_policy(
    client, newer_and_older, template, content_type
):
    response = client.get(address(template, newer_and_older[0]))

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"].endswith(" GMT")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=300" in cache_control
    assert "s-maxage=300" in cache_control


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize(("template", "content_type"), FEEDS)
def test_a_matching_etag_gets_304_with_no_body(client, newer_and_older, template, content_type):
    url = address(template, newer_and_older[0])
    etag = client.get(url)["ETag"]

    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/feed/json/"])
def test_if_modified_since_the_last_change_gets_304(client, newer_and_older, url):
    last_modified = client.get(url)["Last-Modified"]

    response = client.get(url, headers={"if-modified-since": last_modified})

    assert response.status_code == 304
    assert response.content == b""


@pytest.mark.usefixtures("page_cache")
def test_validators_stay_put_while_nothing_changes(client, newer_and_older, time_machine):
    first = validators(client.get("/feed/"))
    time_machine.shift(timedelta(hours=5))

    assert validators(client.get("/feed/")) == first
    assert validators(client.get("/feed/atom/")) == first


def edit_the_newer_post(newer, older):
    newer.body = "<p>A corrected paragraph.</p>"
    newer.save()


def unpublish_the_older_post(newer, older):
    older.status = Post.Status.DRAFT
    older.save()


def rename_the_author(newer, older):
    author = newer.byline[0]
    author.name = "A. N. Other"
    author.save()


def rename_the_tag(newer, older):
    tag = Tag.objects.get(name="Belarus")
    tag.name = "Беларусь"
    tag.save()


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize(
    "change", [edit_the_newer_post, unpublish_the_older_post, rename_the_author, rename_the_tag]
)
@pytest.mark.parametrize(
    "template", ["/feed/", "/authors/{author}/feed/atom/", "/tags/{tag}/feed/"]
)
def test_any_change_the_feed_shows_gives_new_validators(
    client, newer_and_older, time_machine, template, change
):
    url = address(template, newer_and_older[0])
    etag, last_modified = validators(client.get(url))
    time_machine.shift(timedelta(seconds=1))

    change(*newer_and_older)
    response = client.get(url, headers={"if-none-match": etag})
    by_date = client.get(url, headers={"if-modified-since": last_modified})

    assert response.status_code == by_date.status_code == 200
    assert response["ETag"] != etag
    assert response["Last-Modified"] != last_modified
    assert not feedparser.parse(response.content).bozo


@pytest.mark.usefixtures("page_cache")
def test_a_change_within_the_same_second_still_moves_last_modified(client, newer_and_older):
    last_modified = client.get("/feed/")["Last-Modified"]
    edit_the_newer_post(*newer_and_older)

    response = client.get("/feed/", headers={"if-modified-since": last_modified})

    assert response.status_code == 200
    assert response["Last-Modified"] != last_modified


@pytest.mark.usefixtures("page_cache")
def test_head_answers_like_get_without_a_body(client, newer_and_older):
    get = client.get("/feed/atom/")

    head = client.head("/feed/atom/")

    assert head.status_code == 200
    assert head.content == b""
    assert validators(head) == validators(get)
    assert head["Content-Type"] == get["Content-Type"]


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/feed/json/"])
def test_a_feed_is_gzipped_for_readers_that_accept_it(client, newer_and_older, url):
    plain = client.get(url)

    compressed = client.get(url, headers={"accept-encoding": "gzip"})

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content


def test_a_feed_costs_the_same_queries_for_3_or_30_posts(client, django_assert_max_num_queries):
    first = PostFactory(tags=["a", "b"], key_points=["One.", "Two."])
    templates = ["/feed/", "/authors/{author}/feed/json/", "/sections/{section}/feed/atom/"]
    urls = [address(template, first) for template in templates]

    def queries_per_feed():
        counts = []
        for url in urls:
            with django_assert_max_num_queries(10) as queries:
                client.get(url)
            counts.append(len(queries))
        return counts

    PostFactory.create_batch(2, authors=first.byline, section=first.section, tags=["a", "b"])
    few = queries_per_feed()
    PostFactory.create_batch(
        27, authors=first.byline, section=first.section, tags=["a", "c"], key_points=["Three."]
    )

    assert queries_per_feed() == few
