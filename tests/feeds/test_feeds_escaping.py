"""Plain text in RSS is escaped twice, like the item description: readers that render RSS
text elements as HTML show the characters instead of running markup. Atom says "text" and
JSON is not HTML, so there the text is escaped only as the format requires."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db

MARKUP = '<img src="x" onerror="alert(1)">'
DUBLIN_CORE = "{http://purl.org/dc/elements/1.1/}"
RSS_TEXT = ["channel/title", "channel/description", "channel/image/title"]
ITEM_TEXT = ["title", "category", f"{DUBLIN_CORE}creator", "author"]


@pytest.fixture
def hostile():
    section = SectionFactory(name=f"Section {MARKUP}", description=MARKUP)
    author = AuthorFactory(name=f"Author {MARKUP}")
    post = PostFactory(
        title=f"Title {MARKUP}", section=section, authors=[author], tags=[f"Tag {MARKUP}"]
    )
    return {"section": section, "author": author, "tag": post.tags.get()}


def rss_urls(hostile):
    return [
        reverse("blog:feed_rss"),
        reverse("authors:feed_rss", kwargs={"slug": hostile["author"].slug}),
        reverse("blog:section_feed_rss", kwargs={"slug": hostile["section"].slug}),
        reverse("blog:tag_feed_rss", kwargs={"slug": hostile["tag"].slug}),
    ]


def text_fields(rss):
    """The text of every plain-text element of the channel and its items."""
    channel = [rss.find(path) for path in RSS_TEXT]
    items = [
        found for item in rss.iter("item") for path in ITEM_TEXT for found in item.findall(path)
    ]
    return [element.text for element in channel + items if element is not None]


def test_every_rss_feed_escapes_plain_text_twice(client, hostile):
    for url in rss_urls(hostile):
        rss = ET.fromstring(client.get(url).content)
        texts = text_fields(rss)

        assert len(texts) >= 6, url
        assert all("<img" not in text for text in texts), (url, texts)
        assert any("&lt;img" in text for text in texts), url
    section_feed = ET.fromstring(client.get(rss_urls(hostile)[2]).content)
    assert section_feed.find("channel/description").text == (
        "&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;"
    )


def test_atom_and_json_keep_plain_text_as_it_is(client, hostile):
    atom = ET.fromstring(
        client.get(
            reverse("blog:section_feed_atom", kwargs={"slug": hostile["section"].slug})
        ).content
    )
    feed = json.loads(client.get(reverse("blog:feed_json")).content)

    assert atom.find("{http://www.w3.org/2005/Atom}subtitle").text == MARKUP
    assert (
        atom.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title").text
        == f"Title {MARKUP}"
    )
    assert feed["items"][0]["title"] == f"Title {MARKUP}"
    assert feed["items"][0]["authors"][0]["name"] == f"Author {MARKUP}"
