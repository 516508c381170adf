"""A fresh edition has no broken internal link and never sends readers to the main host."""

import hashlib
import json

import pytest
from django.core.management import CommandError

from tests.factories import PostFactory

from .checks import broken_links, links_of, pages_naming
from .conftest import SITE, publish_static

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(columns, tmp_path):
    demo = columns[0]
    PostFactory.create_batch(9, section=demo.section, authors=list(demo.authors.all()))
    publish_static(tmp_path / "edition")
    return tmp_path / "edition"


def test_links_lead_to_files_of_the_edition_and_never_to_the_main_host(edition):
    assert broken_links(edition) == {}
    assert pages_naming(edition, SITE) == []
    post = (edition / "posts/the-long-winter/index.html").read_text()
    assert f'<link rel="canonical" href="{SITE}/posts/the-long-winter/">' in post
    assert f'<meta property="og:url" content="{SITE}/posts/the-long-winter/">' in post
    links = links_of(post)
    assert "../../authors/valer-karbalevich/index.html" in links
    assert "../../static/css/columnist.css" in links
    assert "../../feed/index.xml" in links
    assert "../../search/index.html" in links  # the header's search box
    assert 'class="language-switcher"' not in post
    assert 'method="post"' not in post  # subscribing: by mail, as no mirror runs the app
    assert "mailto:columns@localhost?subject=subscribe" in post


def test_every_kind_of_page_is_written_and_in_the_manifest(edition):
    files = json.loads((edition / "manifest.json").read_text())["files"]
    written = set(files)
    expected = {
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "sitemap-posts.xml",
        "sitemap-news.xml",
        "search/index.html",
        "archive/index.html",
        "corrections/index.html",
        "authors/index.html",
        "authors/ina-studzinskaja/index.html",
        "authors/ina-studzinskaja/feed/json/index.json",
        "sections/blogs/index.html",
        "sections/blogs/feed/atom/index.xml",
        "tags/sanctions/index.html",
        "tags/sanctions/feed/index.xml",
        "feed/index.xml",
        "feed/atom/index.xml",
        "feed/json/index.json",
        "posts/what-the-sanctions-changed/index.html",
        "static/css/columnist.css",
        "static/fonts/source-serif-4-latin-wght-normal.woff2",
        "pagefind/pagefind-ui.js",
    }
    assert expected <= written
    older_pages = [path for path in written if path.startswith("older/")]
    assert len(older_pages) == 1  # 12 columns, 10 a page
    assert not [path for path in written if "newer/" in path]
    older_page = (edition / older_pages[0]).read_text()
    assert '<a rel="prev" href="../../index.html">' in older_page  # "Newer": the first page
    entry = files["robots.txt"]
    content = (edition / "robots.txt").read_bytes()
    assert entry == {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}


def test_a_destination_that_cannot_be_written_is_one_line_and_no_trace(demo_post, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    with pytest.raises(CommandError, match=r"Cannot publish the static edition to .*a-file"):
        publish_static(blocker)

    assert blocker.read_text() == "not a folder"


def test_feeds_and_sitemaps_keep_absolute_addresses_on_the_main_site_by_default(edition):
    feed = (edition / "feed/index.xml").read_text()
    assert f"<link>{SITE}/posts/the-long-winter/</link>" in feed
    assert f"<loc>{SITE}/sitemap-posts.xml</loc>" in (edition / "sitemap.xml").read_text()


def test_feeds_and_sitemaps_name_the_edition_s_own_address_when_it_has_one(
    demo_post, settings, tmp_path
):
    settings.STATIC_EDITION_URL = "https://mirror.example/columns"
    publish_static(tmp_path / "edition")

    feed = (tmp_path / "edition/feed/atom/index.xml").read_text()
    essay = "https://mirror.example/columns/posts/why-belarus-and-kazakhstan-took-different-paths"
    assert f'href="{essay}/index.html"' in feed
    assert f"{SITE}/" not in feed
    sitemaps = (tmp_path / "edition/sitemap.xml").read_text()
    assert "<loc>https://mirror.example/columns/sitemap-posts.xml</loc>" in sitemaps
    robots = (tmp_path / "edition/robots.txt").read_text()
    assert "Sitemap: https://mirror.example/columns/sitemap.xml" in robots
