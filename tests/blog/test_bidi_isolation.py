"""Names and titles shown inline are isolated (`dir="auto"` or `<bdi>`): letters of any
direction, or a bidi control stored before saving left them out, cannot reorder the words
and dates around them."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from authors.models import Author
from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db
RLO_NAME = "Evil \u202eRLO name"


class InlineTexts(HTMLParser):
    """Each `<a>`, `<span>` and `<bdi>` as (its text, whether it is a bidi isolate)."""

    INLINE = {"a", "span", "bdi"}

    def __init__(self):
        super().__init__()
        self.open, self.found = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.INLINE:
            self.open.append([tag == "bdi" or dict(attrs).get("dir") == "auto", ""])

    def handle_data(self, data):
        for element in self.open:
            element[1] += data

    def handle_endtag(self, tag):
        if tag in self.INLINE and self.open:
            isolated, text = self.open.pop()
            self.found.append((text.strip(), isolated))


def inline_texts(response):
    parser = InlineTexts()
    parser.feed(response.content.decode())
    return parser.found


@pytest.fixture
def post():
    post = PostFactory(
        title="بيلاروسيا title",
        section=SectionFactory(name="סעיף section"),
        authors=[AuthorFactory(position="Commentator")],
        tags=["תג tag"],
    )
    Author.objects.update(name=RLO_NAME)
    return post


def names_in(post):
    return {RLO_NAME, post.title, post.section.name, post.tags.get().name}


@pytest.mark.parametrize("page", ["/", "post", "author", "/authors/", "search"])
def test_every_name_and_title_shown_inline_is_isolated(client, post, page):
    urls = {
        "post": post.get_absolute_url(),
        "author": post.byline[0].get_absolute_url(),
        "search": f"{reverse('blog:search')}?q=title",
    }

    shown = inline_texts(client.get(urls.get(page, page)))
    names = [(text, isolated) for text, isolated in shown if text in names_in(post)]

    assert names, shown
    assert all(isolated for _text, isolated in names), names


def test_a_name_inside_a_sentence_is_in_a_bdi(client, post):
    response = client.get(post.get_absolute_url())

    assert f"Read <bdi>{RLO_NAME}</bdi>’s columns" in response.content.decode()
