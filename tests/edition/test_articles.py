"""Each post of the edition holds the same article as the post page of the site."""

import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client

from .conftest import SITE, publish_static

pytestmark = pytest.mark.django_db
ARTICLE = re.compile(r'<article class="post".*?</article>', re.DOTALL)
# The one difference by design: subscribing needs the app (edition/forms.py).
SUBSCRIBE = re.compile(
    r'<form class="subscribe-form".*?</form>'
    r'|<div class="subscribe-form subscribe-form--elsewhere">.*?</div>',
    re.DOTALL,
)
ADDRESS_ATTRIBUTES = {"href", "src", "action", "data-copy-url"}


class Tokens(HTMLParser):
    """The article as a list of tags and text, every address made a path on the site:
    `address(value)` turns an attribute's value into one."""

    def __init__(self, address):
        super().__init__()
        self.address, self.tokens = address, []

    def handle_starttag(self, tag, attrs):
        self.tokens.append((tag, [(name, self.address(name, value)) for name, value in attrs]))

    def handle_endtag(self, tag):
        self.tokens.append(f"/{tag}")

    def handle_data(self, data):
        self.tokens.append(data)


def tokens(html: str, address) -> list:
    parser = Tokens(address)
    parser.feed(SUBSCRIBE.sub("(subscribe)", ARTICLE.search(html).group(0)))
    return parser.tokens


def site_path(name, value):
    """On the site: addresses on SITE_URL, as paths."""
    return value.removeprefix(SITE) if value else value


def edition_path(page_path):
    """In the edition: relative links from the file at `page_path`, as paths on the site."""

    def address(name, value):
        if name not in ADDRESS_ATTRIBUTES or not value or urlsplit(value).scheme or value[0] == "#":
            return value
        path, _, fragment = value.partition("#")
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
        joined = "/" + re.sub(r"(^|/)index\.(html|xml|json)$", r"\1", joined)
        return joined + (f"#{fragment}" if fragment else "")

    return address


def test_every_post_holds_the_article_of_the_site(columns, tmp_path):
    publish_static(tmp_path / "edition")
    client = Client(HTTP_HOST="columnist.example")
    for post in columns:
        page = f"posts/{post.slug}/index.html"
        static = (tmp_path / "edition" / page).read_text()
        dynamic = client.get(post.get_absolute_url(), secure=True).content.decode()
        assert tokens(static, edition_path(page)) == tokens(dynamic, site_path), post.slug
        assert "(subscribe)" in SUBSCRIBE.sub("(subscribe)", static)
