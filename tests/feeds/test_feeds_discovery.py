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


def alternates(kind, title, url):
    return f'<link rel="alternate" type="{kind}" title="{title}" href="{url}">'


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

    title = "Valer Karbalevich — Columnist"
    feed = "/authors/valer-karbalevich/feed/"
    assertContains(response, alternates("application/rss+xml", f"{title} (RSS)", feed))
    assertContains(response, alternates("application/atom+xml", f"{title} (Atom)", f"{feed}atom/"))
    assertContains(
        response, alternates("application/feed+json", f"{title} (JSON Feed)", f"{feed}json/")
    )


def test_the_section_page_announces_the_sections_feeds(client, demo_post):
    response = client.get("/sections/blogs/")

    title = "Blogs — Columnist"
    assertContains(
        response, alternates("application/rss+xml", f"{title} (RSS)", "/sections/blogs/feed/")
    )
    assertContains(
        response,
        alternates("application/atom+xml", f"{title} (Atom)", "/sections/blogs/feed/atom/"),
    )


def test_the_tag_page_announces_the_tags_feeds(client, demo_post):
    response = client.get("/tags/war-in-ukraine/")

    title = "War in Ukraine — Columnist"
    feed = "/tags/war-in-ukraine/feed/"
    assertContains(response, alternates("application/rss+xml", f"{title} (RSS)", feed))
    assertContains(response, alternates("application/atom+xml", f"{title} (Atom)", f"{feed}atom/"))


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
