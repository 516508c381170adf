from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import Post
from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db

SITE = "https://columns.example"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def xml(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ElementTree.fromstring(response.content)


def locations(client, url):
    return {loc.text for loc in xml(client.get(url)).iterfind("sm:url/sm:loc", NS)}


@pytest.fixture
def hidden():
    """A draft, a post in review and a scheduled post, in a section, tag and author of
    their own: none of them may appear anywhere in a sitemap."""
    author, section = AuthorFactory(slug="hidden-author"), SectionFactory(slug="hidden-section")
    common = {"authors": [author], "section": section, "tags": ["hidden-tag"]}
    return [
        PostFactory(status=Post.Status.DRAFT, **common),
        PostFactory(status=Post.Status.REVIEW, **common),
        PostFactory(publish_at=timezone.now() + timedelta(days=1), **common),
    ]


def test_the_index_lists_every_sitemap(client):
    index = xml(client.get("/sitemap.xml"))

    listed = [loc.text.rsplit("/", 1)[1] for loc in index.iterfind("sm:sitemap/sm:loc", NS)]
    assert listed == [
        "sitemap-posts.xml",
        "sitemap-news.xml",
        "sitemap-authors.xml",
        "sitemap-sections.xml",
        "sitemap-tags.xml",
    ]


def test_the_posts_sitemap_has_published_posts_with_their_last_change(client, hidden):
    post = PostFactory(title="Беларусь і Казахстан")

    root = xml(client.get("/sitemap-posts.xml"))

    assert [loc.text for loc in root.iterfind("sm:url/sm:loc", NS)] == [
        SITE + post.get_absolute_url()
    ]
    assert root.find("sm:url/sm:lastmod", NS).text == f"{timezone.localdate(post.updated_at)}"


def test_authors_sections_and_tags_with_published_posts_are_listed(client, hidden):
    post = PostFactory(tags=["Беларусь"])

    assert locations(client, "/sitemap-authors.xml") == {SITE + post.byline[0].get_absolute_url()}
    assert locations(client, "/sitemap-sections.xml") == {SITE + post.section.get_absolute_url()}
    assert locations(client, "/sitemap-tags.xml") == {SITE + post.tags.get().get_absolute_url()}


def test_the_news_sitemap_has_the_last_two_days_with_title_and_language(client, hidden):
    fresh = PostFactory(title="Навіна & «лапкі»", language="be")
    PostFactory(publish_at=timezone.now() - timedelta(days=3))

    root = xml(client.get("/sitemap-news.xml"))

    (entry,) = root.findall("sm:url", NS)
    assert entry.find("sm:loc", NS).text == SITE + fresh.get_absolute_url()
    news = entry.find("news:news", NS)
    assert news.find("news:publication/news:name", NS).text == "Columnist"
    assert news.find("news:publication/news:language", NS).text == "be"
    assert news.find("news:title", NS).text == "Навіна & «лапкі»"
    published = timezone.datetime.fromisoformat(news.find("news:publication_date", NS).text)
    assert published == fresh.publish_at


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert f"Sitemap: {SITE}/sitemap.xml" in response.content.decode().splitlines()


def test_an_unknown_sitemap_is_not_found(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


@pytest.mark.parametrize(
    "url",
    ["/sitemap.xml", "/sitemap-posts.xml", "/sitemap-news.xml", "/sitemap-tags.xml"],
)
def test_sitemaps_cost_the_same_queries_for_few_or_many_posts(client, url):
    PostFactory(tags=["a"])
    few = queries_for(client, url)
    for number in range(20):
        PostFactory(tags=[f"tag {number}"], authors=[AuthorFactory()])

    assert queries_for(client, url) == few
