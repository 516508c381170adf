"""Posts as format-neutral feed entries, with every address made absolute."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import escape

from blog.links import file_url
from blog.models import Post
from blog.richtext import sanitize_html

NOT_IN_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry (control characters and the like)."""
    return NOT_IN_XML.sub("", text)


@dataclass(frozen=True)
class Person:
    name: str
    url: str
    avatar: str


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str
    summary: str
    content_html: str
    published: datetime
    updated: datetime
    authors: tuple[Person, ...]
    categories: tuple[str, ...]
    image: str
    language: str

    @property
    def summary_html(self):
        return escape(self.summary)


def post_tag_uri(post: Post) -> str:
    """An id that outlives edits, slug changes and re-publishing (RFC 4151 tag URI)."""
    authority = urlsplit(settings.SITE_URL).hostname
    created = post.created_at.astimezone(UTC).date().isoformat()
    return f"tag:{authority},{created}:post:{post.pk}"


def person(author, base_url: str) -> Person:
    return Person(
        name=xml_safe(author.name),
        url=urljoin(base_url, author.get_absolute_url()),
        avatar=file_url(author.photo, base_url),
    )


def entry_for(post: Post, base_url: str) -> Entry:
    """The entry for a post fetched with `for_readers()`; `base_url` is e.g. https://host/."""
    url = urljoin(base_url, post.get_absolute_url())
    authors = tuple(person(author, base_url) for author in post.byline)
    published = post.publish_at.replace(microsecond=0)
    content = render_to_string("blog/includes/column_text.html", {"post": post})
    return Entry(
        id=post_tag_uri(post),
        title=xml_safe(post.title),
        url=url,
        summary=xml_safe(post.lead),
        content_html=xml_safe(sanitize_html(content, base_url=url)),
        published=published,
        updated=max(published, post.updated_at.replace(microsecond=0)),
        authors=authors,
        categories=tuple(
            xml_safe(name) for name in [post.section.name, *(tag.name for tag in post.tags.all())]
        ),
        image=file_url(post.image, base_url) or next((a.avatar for a in authors if a.avatar), ""),
        language=post.language,
    )
