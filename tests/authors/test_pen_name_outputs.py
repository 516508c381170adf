"""A pen name protects its writer: no page, feed, sitemap or search result readers (or a
share-preview's outsiders) can get prints the writer's login or legal name."""

import json
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from feeds.urls import feed_urls
from feeds.views import AuthorFeed, SectionFeed, SiteFeed, TagFeed
from tests.pen_names import LEGAL_NAME, LOGIN, PEN_NAME, make_pen_name_writer, traces_in
from tests.seo.page_head import JSON_LD

pytestmark = pytest.mark.django_db

SITE = "https://columns.example"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def writer():
    return make_pen_name_writer(tags=["Belarus"])


def public_text(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def reader_pages(writer):
    post, author = writer.post, writer.author
    return [
        "/",
        post.get_absolute_url(),
        author.get_absolute_url(),
        reverse("authors:list"),
        post.section.get_absolute_url(),
        post.tags.get().get_absolute_url(),
    ]


def every_feed(writer):
    post = writer.post
    return [
        *feed_urls(SiteFeed, None),
        *feed_urls(AuthorFeed, writer.author),
        *feed_urls(SectionFeed, post.section),
        *feed_urls(TagFeed, post.tags.get()),
    ]


def sitemaps(client):
    """The sitemap index and every sitemap it names."""
    index = public_text(client, "/sitemap.xml")
    named = ElementTree.fromstring(index).iterfind("sm:sitemap/sm:loc", SITEMAP_NS)
    return ["/sitemap.xml", *(loc.text.removeprefix(SITE) for loc in named)]


def test_reader_pages_name_the_pen_name_only(client, writer):
    for path in reader_pages(writer):
        page = public_text(client, path)
        assert PEN_NAME in page, path
        assert traces_in(page) == [], path


def test_every_feed_in_every_format_names_the_pen_name_only(client, writer):
    addresses = every_feed(writer)
    assert len(addresses) == 10  # RSS, Atom and JSON for site and author; XML for the others

    for path in addresses:
        feed = public_text(client, path)
        assert PEN_NAME in feed, path
        assert traces_in(feed) == [], path


def test_structured_data_names_the_pen_name_as_the_person(client, writer):
    for path in [writer.post.get_absolute_url(), writer.author.get_absolute_url()]:
        documents = JSON_LD.findall(public_text(client, path))

        assert documents, path
        assert PEN_NAME in "".join(documents)
        assert traces_in(json.dumps([json.loads(text) for text in documents])) == []


def test_every_sitemap_holds_no_trace_of_the_writer(client, writer):
    addresses = sitemaps(client)
    assert len(addresses) > 2

    texts = {path: public_text(client, path) for path in addresses}

    assert [path for path, text in texts.items() if traces_in(text)] == []
    assert any(writer.author.get_absolute_url() in text for text in texts.values())


def test_search_finds_the_post_by_the_pen_name_and_never_by_the_identity(client, writer):
    by_pen_name = client.get("/search/", {"q": PEN_NAME})

    assert [post.pk for post in by_pen_name.context["posts"]] == [writer.post.pk]
    assert traces_in(by_pen_name.content.decode()) == []
    for query in [LOGIN, LEGAL_NAME, "Hiddenov"]:
        assert list(client.get("/search/", {"q": query}).context["posts"]) == [], query


def test_a_share_preview_shows_outsiders_no_trace_of_who_wrote_or_shared_it(client, writer):
    page = public_text(client, reverse("blog:shared_preview", args=[writer.share_token]))

    assert 'class="preview-banner"' in page
    assert PEN_NAME in page
    assert traces_in(page) == []
