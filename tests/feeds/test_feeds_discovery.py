"""Feed readers find the feeds from any page; readers find them on the author card."""

import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

ALTERNATE_HREF = re.compile(r'<link rel="alternate" type="[^"]+" title="[^"]*" href="([^"]+)">')
SITE_ALTERNATES = [
    '<link rel="alternate" type="application/rss+xml" title="Columnist (RSS)" href="/feed/">',
    '<link rel="alternate" type="application/atom+xml" title="Columnist (Atom)" '
    'href="/feed/atom/">',
]
FEED_FORMATS = [
    ("application/rss+xml", "RSS", ""),
    ("application/atom+xml", "Atom", "atom/"),
    ("application/feed+json", "JSON Feed", "json/"),
]
RSS_AND_ATOM = FEED_FORMATS[:2]


def alternates(kind, title, url):
    return f'<link rel="alternate" type="{kind}" title="{title}" href="{url}">'


def assert_announces(response, title, feed, formats):
    """`response` links to `feed` in each of `formats` (type, name, address below `feed`)."""
    for kind, name, suffix in formats:
        assertContains(response, alternates(kind, f"{title} ({name})", f"{feed}{suffix}"))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/authors/",
        "/authors/valer-karbalevich/",
        "/sections/blogs/",
        "/tags/belarus/",
        "/posts/why-belarus-and-kazakhstan-took-different-paths/",
    ],
)
def test_every_page_announces_the_site_feed(client, demo_post, url):
    response = client.get(url)

    for link in SITE_ALTERNATES:
        assertContains(response, link, count=1)


def test_the_author_page_announces_the_authors_feeds(client, demo_post):
    response = client.get("/authors/valer-karbalevich/")

    title, feed = "Valer Karbalevich — Columnist", "/authors/valer-karbalevich/feed/"
    assert_announces(response, title, feed, FEED_FORMATS)


def test_the_section_page_announces_the_sections_feeds(client, demo_post):
    response = client.get("/sections/blogs/")

    assert_announces(response, "Blogs — Columnist", "/sections/blogs/feed/", RSS_AND_ATOM)


def test_the_tag_page_announces_the_tags_feeds(client, demo_post):
    response = client.get("/tags/war-in-ukraine/")

    title, feed = "War in Ukraine — Columnist", "/tags/war-in-ukraine/feed/"
    assert_announces(response, title, feed, RSS_AND_ATOM)


def test_the_post_page_announces_each_authors_feeds(client):
    post = PostFactory(authors=[AuthorFactory(slug="anna"), AuthorFactory(slug="boris")])
    PostFactory(authors=[AuthorFactory(slug="carl")])

    response = client.get(post.get_absolute_url())

    for slug in ["anna", "boris"]:
        for suffix in ["", "atom/", "json/"]:
            assertContains(response, f'href="/authors/{slug}/feed/{suffix}">', count=1)
    assertNotContains(response, "/authors/carl/feed/")


def test_the_author_card_offers_the_authors_feeds(client, demo_post):
    response = client.get(demo_post.get_absolute_url())

    feed = "/authors/valer-karbalevich/feed/"
    assertContains(response, f'<a href="{feed}" type="application/rss+xml">RSS</a>')
    assertContains(response, f'<a href="{feed}atom/" type="application/atom+xml">Atom</a>')
    assertContains(response, f'<a href="{feed}json/" type="application/feed+json">JSON Feed</a>')


@pytest.mark.parametrize(
    "page", ["/tags/belarus/", "/sections/blogs/", "/authors/valer-karbalevich/"]
)
def test_every_announced_feed_answers(client, demo_post, page):
    html = client.get(page).content.decode()

    feeds = ALTERNATE_HREF.findall(html)

    assert len(feeds) >= 5
    assert all(client.get(feed).status_code == 200 for feed in feeds)
