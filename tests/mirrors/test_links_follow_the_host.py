"""Read through a mirror or the onion address, every page, feed and sitemap links to that
host only — except rel=canonical and og:url, which keep the main address."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import factory
import pytest
from django.utils import timezone

from authors.models import Author
from blog.models import Correction, Post
from tests.factories import PostFactory

from .hosts import MAIN, MIRROR, ONION, get, own_hosts_linked

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("hosts")]

NEXT_PAGE = re.compile(r'rel="next" href="([^"]+)"')
FEEDS = [
    "/feed/",
    "/feed/atom/",
    "/feed/json/",
    "/authors/valer-karbalevich/feed/",
    "/authors/valer-karbalevich/feed/atom/",
    "/authors/valer-karbalevich/feed/json/",
    "/sections/blogs/feed/",
    "/sections/blogs/feed/atom/",
    "/tags/belarus/feed/",
    "/tags/belarus/feed/atom/",
]
SITEMAPS = [
    "/sitemap.xml",
    "/sitemap-posts.xml",
    "/sitemap-news.xml",
    "/sitemap-authors.xml",
    "/sitemap-sections.xml",
    "/sitemap-tags.xml",
    "/robots.txt",
]


@pytest.fixture
def site(settings, demo_post):
    """The demo column, a translation of it with an image (hreflang alternates, an og:image),
    the author with a photo, a correction, and a page's worth more posts so that lists
    paginate."""
    settings.WEBSUB_HUB = "https://hub.example/"
    Author.objects.filter(slug="valer-karbalevich").update(photo="authors/karbalevich.jpg")
    translation = PostFactory(
        title="Чаму Беларусь і Казахстан пайшлі рознымі шляхамі",
        language="be",
        translation_of=demo_post,
        section=demo_post.section,
        authors=[demo_post.byline[0]],
        tags=["Belarus"],
        image="posts/2026/12/map.png",
        image_alt="A map",
        key_points=["Пункт"],
        publish_at=timezone.now() - timedelta(hours=2),
    )
    Correction.objects.create(post=demo_post, text="A date was wrong.")
    PostFactory.create_batch(
        settings.POSTS_PER_PAGE,
        title=factory.Sequence(lambda n: f"Belarus, again ({n})"),
        section=demo_post.section,
        authors=[demo_post.byline[0]],
        tags=["Belarus"],
        publish_at=timezone.now() - timedelta(hours=3),
    )
    return [demo_post, translation]


def reader_pages(posts: list[Post]) -> list[str]:
    month = timezone.localtime(posts[0].publish_at)
    return [
        "/",
        *(post.get_absolute_url() for post in posts),
        "/authors/",
        "/authors/valer-karbalevich/",
        "/sections/blogs/",
        "/tags/belarus/",
        "/archive/",
        f"/archive/{month:%Y}/",
        f"/archive/{month:%Y/%m}/",
        "/corrections/",
        "/search/?q=Belarus",
    ]


def with_next_pages(client, paths, origin):
    """`paths` and, for each that has one, its second page (rel="next")."""
    found = []
    for path in paths:
        found.append(path)
        match = NEXT_PAGE.search(get(client, path, origin).content.decode())
        if match and "/posts/" not in path:
            found.append(urlsplit(path).path + match[1] if match[1][0] == "?" else match[1])
    return found


@pytest.mark.parametrize("origin", [MIRROR, ONION, MAIN])
def test_every_page_feed_and_sitemap_links_only_to_the_host_read_through(client, site, origin):
    host = urlsplit(origin).netloc
    paths = [*with_next_pages(client, reader_pages(site), origin), *FEEDS, *SITEMAPS]
    assert any("older=" in path or "page=2" in path for path in paths)

    linked = {}
    for path in paths:
        response = get(client, path, origin)
        assert response.status_code == 200, path
        linked[path] = own_hosts_linked(response.content.decode())

    assert {path: hosts for path, hosts in linked.items() if hosts - {host}} == {}
    assert set().union(*linked.values()) == {host}
    for path in [*FEEDS, *SITEMAPS, "/", site[1].get_absolute_url()]:
        assert linked[path] == {host}, path


@pytest.mark.parametrize("origin", [MIRROR, ONION])
def test_canonical_and_og_url_keep_the_main_address(client, site, origin):
    page = get(client, site[0].get_absolute_url(), origin).content.decode()

    address = f"{MAIN}{site[0].get_absolute_url()}"
    assert f'<link rel="canonical" href="{address}">' in page
    assert f'<meta property="og:url" content="{address}">' in page


def test_robots_names_the_sitemap_on_the_mirror(client, site):
    robots = get(client, "/robots.txt", MIRROR).content.decode()

    assert f"Sitemap: {MIRROR}/sitemap.xml" in robots


def test_feed_entry_ids_are_the_same_on_every_host(client, site):
    """A reader who follows the feed through two hosts must not see every post twice."""

    def ids(origin):
        return re.findall(r"<guid[^>]*>([^<]+)</guid>", get(client, "/feed/", origin).text)

    assert ids(MIRROR) == ids(ONION) == ids(MAIN)
    assert all(entry_id.startswith("tag:columnist.example,") for entry_id in ids(MIRROR))


def test_any_other_host_gets_the_main_addresses(client, site, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "10.0.0.7"]
    response = client.get("/feed/", HTTP_HOST="10.0.0.7")

    assert own_hosts_linked(response.content.decode()) == {"columnist.example"}
    assert "10.0.0.7" not in response.content.decode()
