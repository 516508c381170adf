"""What the feeds say: every scope and format, parsed as a feed reader parses them."""

import html
import json
import re
from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from authors.models import Author
from blog.models import Post, Tag
from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"


@pytest.fixture(autouse=True)
def site_url(settings):
    """Feeds take every address from SITE_URL, never from the request's host."""
    settings.SITE_URL = SERVER


XML_FEEDS = [
    ("blog:feed_rss", "site"),
    ("blog:feed_atom", "site"),
    ("authors:feed_rss", "author"),
    ("authors:feed_atom", "author"),
    ("blog:section_feed_rss", "section"),
    ("blog:section_feed_atom", "section"),
    ("blog:tag_feed_rss", "tag"),
    ("blog:tag_feed_atom", "tag"),
]
JSON_FEEDS = [("blog:feed_json", "site"), ("authors:feed_json", "author")]


@pytest.fixture
def scope():
    """One author, section and tag with three posts in all of them (newest first)
    and one post in none of them."""
    author, section = AuthorFactory(name="Valer Karbalevich"), SectionFactory(name="Blogs")
    now = timezone.now()
    posts = [
        PostFactory(
            title=f"In scope {hours}",
            authors=[author],
            section=section,
            tags=["Belarus"],
            publish_at=now - timedelta(hours=hours),
        )
        for hours in (1, 2, 3)
    ]
    elsewhere = PostFactory(title="Elsewhere", publish_at=now - timedelta(hours=5))
    tag = posts[0].tags.get()
    return {"author": author, "section": section, "tag": tag, "posts": posts, "other": elsewhere}


def feed_url(url_name, scope_name, scope):
    kwargs = {} if scope_name == "site" else {"slug": scope[scope_name].slug}
    return reverse(url_name, kwargs=kwargs)


def parse(client, url):
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def get_json(client, url):
    response = client.get(url)
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    document = json.loads(response.content)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert all(item["id"] and item["content_html"] for item in document["items"])
    return document


def first_entry(client, url):
    """The newest item of a feed in any format, as {"id": …, "content": …}."""
    if url.endswith("/json/"):
        item = get_json(client, url)["items"][0]
        return {"id": item["id"], "content": item["content_html"]}
    entry = parse(client, url).entries[0]
    return {"id": entry.id, "content": entry.content[0].value}


def tag_id(post):
    return f"tag:testserver,{post.created_at.date().isoformat()}:post:{post.pk}"


@pytest.mark.parametrize(("url_name", "scope_name"), XML_FEEDS)
def test_every_xml_feed_parses_and_lists_its_posts_newest_first(
    client, scope, url_name, scope_name
):
    feed = parse(client, feed_url(url_name, scope_name, scope))

    expected = scope["posts"] + ([scope["other"]] if scope_name == "site" else [])
    assert [entry.id for entry in feed.entries] == [tag_id(post) for post in expected]


@pytest.mark.parametrize(("url_name", "scope_name"), JSON_FEEDS)
def test_every_json_feed_lists_its_posts_newest_first_and_names_its_own_url(
    client, scope, url_name, scope_name
):
    url = feed_url(url_name, scope_name, scope)

    document = get_json(client, url)

    expected = scope["posts"] + ([scope["other"]] if scope_name == "site" else [])
    assert [item["id"] for item in document["items"]] == [tag_id(post) for post in expected]
    assert document["feed_url"] == SERVER + url
    assert document["home_page_url"].startswith(SERVER)


def test_a_feed_holds_the_configured_number_of_items(client, settings):
    settings.FEED_ITEMS = 2
    PostFactory.create_batch(3)

    assert len(parse(client, "/feed/").entries) == 2


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/"])
def test_an_item_carries_the_full_column(client, demo_post, url):
    entry = parse(client, url).entries[0]

    content = entry.content[0].value
    assert "Briefly" in content
    assert "put all its eggs in one basket and bet on Russia." in content
    assert "Belarus and Kazakhstan are members of all integration associations" in content
    assert "do not necessarily reflect the editorial position" in content
    assert html.unescape(entry.summary).startswith("But Lukashenka did not manage")
    assert entry.link == SERVER + demo_post.get_absolute_url()
    assert [tag.term for tag in entry.tags][:3] == ["Blogs", "Belarus", "Kazakhstan"]


def test_the_json_item_carries_the_full_column(client, demo_post):
    item = get_json(client, "/feed/json/")["items"][0]

    assert "bet on Russia." in item["content_html"]
    assert "do not necessarily reflect the editorial position" in item["content_html"]
    assert item["summary"] == demo_post.lead
    assert item["tags"][:2] == ["Blogs", "Belarus"]
    assert item["date_published"] == demo_post.publish_at.replace(microsecond=0).isoformat()


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/feed/json/"])
def test_relative_links_and_images_in_the_content_become_absolute(client, url):
    post = PostFactory(
        body='<p><a href="/posts/other/">other</a> <img src="/media/map.png" alt="Map"></p>'
    )

    content = first_entry(client, url)["content"]

    assert f'href="{SERVER}/posts/other/"' in content
    assert f'src="{SERVER}/media/map.png"' in content
    assert post.get_absolute_url() not in content


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/"])
def test_an_item_names_every_author(client, url):
    first, second = AuthorFactory(name="Anna"), AuthorFactory(name="Boris", slug="boris")
    PostFactory(authors=[first, second])

    entry = parse(client, url).entries[0]

    assert [author.name for author in entry.authors] == ["Anna", "Boris"]
    if url.endswith("atom/"):
        assert entry.authors[1].href == f"{SERVER}/authors/boris/"


def test_the_json_item_names_every_author_with_page_and_photo(client):
    first = AuthorFactory(name="Anna", photo="authors/anna.jpg")
    second = AuthorFactory(name="Boris", slug="boris")
    PostFactory(authors=[first, second])

    item = get_json(client, "/feed/json/")["items"][0]

    assert item["authors"] == [
        {
            "name": "Anna",
            "url": f"{SERVER}{first.get_absolute_url()}",
            "avatar": f"{SERVER}/media/authors/anna.jpg",
        },
        {"name": "Boris", "url": f"{SERVER}/authors/boris/"},
    ]
    assert item["image"] == f"{SERVER}/media/authors/anna.jpg"


def test_a_post_image_is_the_item_image(client):
    PostFactory(image="posts/2026/11/kremlin.png")
    image = f"{SERVER}/media/posts/2026/11/kremlin.png"

    assert parse(client, "/feed/").entries[0].media_content[0]["url"] == image
    assert parse(client, "/feed/atom/").entries[0].enclosures[0]["href"] == image
    assert get_json(client, "/feed/json/")["items"][0]["image"] == image


TRICKY_TITLE = 'Fish & <Chips> "quoted" — Беларусь, Łacinka'
TRICKY_AUTHOR = 'Tom & "Jerry" <Łukašenka> Карбалевіч'
TRICKY_TAG = "R&D <Ўсход> “x”"


@pytest.fixture
def tricky_post():
    return PostFactory(
        title=TRICKY_TITLE,
        lead="A lead with <b>tags</b> & ampersands",
        authors=[AuthorFactory(name=TRICKY_AUTHOR)],
        tags=[TRICKY_TAG],
        key_points=["one & <two>"],
    )


@pytest.mark.parametrize(
    ("url", "as_text"),
    # RSS text is HTML to many readers: plain text comes escaped once more (test_feeds_escaping).
    [("/feed/", html.unescape), ("/feed/atom/", str)],
)
def test_any_script_and_markup_characters_round_trip(client, tricky_post, url, as_text):
    entry = parse(client, url).entries[0]

    assert as_text(entry.title) == TRICKY_TITLE
    assert as_text(entry.authors[0].name) == TRICKY_AUTHOR
    assert TRICKY_TAG in [as_text(tag.term) for tag in entry.tags]
    assert html.unescape(entry.summary) == tricky_post.lead
    assert "one &amp; &lt;two&gt;" in entry.content[0].value


def test_any_script_and_markup_characters_round_trip_in_json(client, tricky_post):
    item = get_json(client, "/feed/json/")["items"][0]

    assert b"<" not in client.get("/feed/json/").content  # inert even if taken for HTML

    assert item["title"] == TRICKY_TITLE
    assert item["authors"][0]["name"] == TRICKY_AUTHOR
    assert TRICKY_TAG in item["tags"]
    assert item["summary"] == tricky_post.lead


@pytest.mark.parametrize("url_name", ["feed_rss", "feed_atom"])
def test_characters_xml_cannot_carry_are_left_out(client, url_name):
    """Even from text stored before saving left such characters out."""
    author = AuthorFactory()
    post = PostFactory(authors=[author], tags=["Tag"], body="<p>Body\x00 text</p>")
    Author.objects.filter(pk=author.pk).update(name="Anna\x01")
    Post.objects.filter(pk=post.pk).update(title="Bell\x07 title", lead="Lead\x1b here")
    Tag.objects.update(name="Tag\x0b")
    scopes = [("blog", {}), ("authors", {"slug": author.slug})]

    for namespace, kwargs in scopes:
        entry = parse(client, reverse(f"{namespace}:{url_name}", kwargs=kwargs)).entries[0]

        assert entry.title == "Bell title"
        assert entry.summary == "Lead here"
        assert entry.authors[0].name == "Anna"
        assert "Tag" in [tag.term for tag in entry.tags]
        assert "<p>Body text</p>" in entry.content[0].value


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/feed/json/"])
def test_an_items_id_survives_edits_slug_changes_and_republishing(client, url):
    post = PostFactory(title="First title")

    def current_id():
        return first_entry(client, url)["id"]

    original = current_id()
    post.title, post.slug, post.body = "Second title", "second-title", "<p>Rewritten.</p>"
    post.save()
    after_edit = current_id()
    post.status = Post.Status.DRAFT
    post.save()
    post.status = Post.Status.PUBLISHED
    post.save()

    assert original == after_edit == current_id() == tag_id(post)


RFC_822_DATE = r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}"
RFC_3339_DATE = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}"


def test_rss_has_what_validators_check(client):
    PostFactory()

    body = client.get("/feed/").content.decode()

    assert re.search(r'<guid isPermaLink="false">tag:[^<]+</guid>', body)
    assert re.search(f"<pubDate>{RFC_822_DATE}</pubDate>", body)
    assert re.search(f"<lastBuildDate>{RFC_822_DATE}</lastBuildDate>", body)
    assert "<content:encoded>" in body


def test_atom_has_what_validators_check(client):
    PostFactory()

    body = client.get("/feed/atom/").content.decode()

    assert re.search(r"<entry>.*<id>tag:[^<]+</id>", body)
    for element in ["published", "updated"]:
        assert re.search(f"<{element}>{RFC_3339_DATE}</{element}>", body)


@pytest.mark.parametrize("url_name", ["blog:feed_rss", "blog:feed_atom", "blog:feed_json"])
def test_drafts_reviews_and_future_posts_never_appear(client, url_name):
    for status in [Post.Status.DRAFT, Post.Status.REVIEW]:
        PostFactory(title=f"Secret {status}", status=status)
    PostFactory(title="Secret future", publish_at=timezone.now() + timedelta(days=1))
    PostFactory(title="Visible")

    body = client.get(reverse(url_name)).content.decode()

    assert "Visible" in body
    assert "Secret" not in body


def test_a_scheduled_post_appears_at_its_time_with_no_command_run(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    PostFactory(title="Scheduled", publish_at=timezone.now() + timedelta(minutes=30))
    assert parse(client, "/feed/").entries == []

    time_machine.shift(timedelta(minutes=31))

    assert [entry.title for entry in parse(client, "/feed/").entries] == ["Scheduled"]


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/feed/", "Columnist"),
        ("/feed/atom/", "Columnist"),
        ("/authors/valer-karbalevich/feed/", "Valer Karbalevich — Columnist"),
        ("/authors/valer-karbalevich/feed/atom/", "Valer Karbalevich — Columnist"),
        ("/sections/blogs/feed/", "Blogs — Columnist"),
        ("/tags/belarus/feed/atom/", "Belarus — Columnist"),
    ],
)
def test_the_feed_names_what_is_followed_and_links_itself(client, demo_post, url, title):
    feed = parse(client, url).feed

    assert feed.title == title
    assert feed.language == "en"
    assert feed.subtitle
    assert feed.link.startswith(SERVER)
    assert feed.updated_parsed
    assert f"{SERVER}/static/feeds/icon.png" in (
        feed.get("icon"),
        feed.get("image", {}).get("href"),
    )
    assert [link.href for link in feed.links if link.rel == "self"] == [SERVER + url]


def test_the_self_link_of_a_cyrillic_tag_feed_is_the_served_address(client):
    PostFactory(tags=["Беларусь"])
    url = reverse("blog:tag_feed_atom", kwargs={"slug": "беларусь"})

    feed = parse(client, url).feed

    assert [link.href for link in feed.links if link.rel == "self"] == [
        SERVER + "/tags/%D0%B1%D0%B5%D0%BB%D0%B0%D1%80%D1%83%D1%81%D1%8C/feed/atom/"
    ]


def test_the_author_feed_uses_the_author_photo_as_its_icon(client):
    author = AuthorFactory(photo="authors/portrait.jpg")

    document = get_json(client, reverse("authors:feed_json", kwargs={"slug": author.slug}))

    assert document["icon"] == f"{SERVER}/media/authors/portrait.jpg"
    assert document["title"] == f"{author.name} — Columnist"


@pytest.mark.parametrize(
    "url", ["/authors/nobody/feed/", "/sections/none/feed/atom/", "/tags/none/feed/"]
)
def test_the_feed_of_something_unknown_is_a_404(client, url):
    assert client.get(url).status_code == 404
