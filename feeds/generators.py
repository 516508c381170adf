"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 writers for Django's syndication framework.

Django's generators lack what these feeds need: a creator per author, the full content,
the item image, the icon, the WebSub hub, and a build date taken from when the content last
changed rather than from the newest item (or, for an empty feed, from "now").
Each item carries its `Entry` (see entries.py); the feed carries `icon`, `hub` and
`last_modified`.
"""

import mimetypes

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape

from security.json_script import markup_safe_json

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
CONTENT_MODULE = "http://purl.org/rss/1.0/modules/content/"
MEDIA_RSS = "http://search.yahoo.com/mrss/"


def image_type(url):
    return mimetypes.guess_type(url)[0] or "image/jpeg"


class ContentDatedFeed(SyndicationFeed):
    def latest_post_date(self):
        return self.feed["last_modified"]


class RssFeed(ContentDatedFeed, Rss201rev2Feed):
    """RSS readers may render any text element as HTML, so plain text — the channel's title
    and description, an item's title, categories and creators — is escaped once more, like
    each item's description (`Entry.summary_html`)."""

    def __init__(self, title, link, description, **kwargs):
        super().__init__(escape(title), link, escape(description), **kwargs)

    def add_item(self, title, link, description, categories=(), **kwargs):
        escaped = [escape(category) for category in categories]
        super().add_item(escape(title), link, description, categories=escaped, **kwargs)

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": DUBLIN_CORE,
            "xmlns:content": CONTENT_MODULE,
            "xmlns:media": MEDIA_RSS,
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed["hub"]:
            handler.addQuickElement("atom:link", None, {"rel": "hub", "href": self.feed["hub"]})
        handler.startElement("image", {})
        handler.addQuickElement("url", self.feed["icon"])
        handler.addQuickElement("title", self.feed["title"])
        handler.addQuickElement("link", self.feed["link"])
        handler.endElement("image")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        entry = item["entry"]
        for author in entry.authors:
            handler.addQuickElement("dc:creator", escape(author.name))
        handler.addQuickElement("content:encoded", entry.content_html)
        if entry.image:
            attributes = {"url": entry.image, "medium": "image", "type": image_type(entry.image)}
            handler.addQuickElement("media:content", None, attributes)


class AtomFeed(ContentDatedFeed, Atom1Feed):
    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed["hub"]:
            handler.addQuickElement("link", "", {"rel": "hub", "href": self.feed["hub"]})
        handler.addQuickElement("icon", self.feed["icon"])

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        entry = item["entry"]
        for author in entry.authors:
            handler.startElement("author", {})
            handler.addQuickElement("name", author.name)
            handler.addQuickElement("uri", author.url)
            handler.endElement("author")
        handler.addQuickElement("content", entry.content_html, {"type": "html"})
        if entry.image:
            attributes = {"rel": "enclosure", "href": entry.image, "type": image_type(entry.image)}
            handler.addQuickElement("link", "", attributes)


class JsonFeed(ContentDatedFeed):
    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        outfile.write(markup_safe_json(self.document()))

    def document(self):
        feed = self.feed
        hubs = [{"type": "WebSub", "url": feed["hub"]}] if feed["hub"] else []
        return {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "icon": feed["icon"],
            "language": feed["language"],
            **({"hubs": hubs} if hubs else {}),
            "items": [self.json_item(item["entry"]) for item in self.items],
        }

    @staticmethod
    def json_item(entry):
        image = {"image": entry.image} if entry.image else {}
        return {
            "id": entry.id,
            "url": entry.url,
            "title": entry.title,
            "summary": entry.summary,
            "content_html": entry.content_html,
            "date_published": rfc3339_date(entry.published),
            "date_modified": rfc3339_date(entry.updated),
            "authors": [json_author(author) for author in entry.authors],
            "tags": list(entry.categories),
            "language": entry.language,
            **image,
        }


def json_author(author):
    avatar = {"avatar": author.avatar} if author.avatar else {}
    return {"name": author.name, "url": author.url, **avatar}
