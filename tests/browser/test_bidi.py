"""A name holding a right-to-left override (stored before saving left such characters out)
cannot reverse the date beside it on a post card."""

import pytest

from authors.models import Author
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db(transaction=True)

# The left edges of the first and last characters of an element's text, as laid out.
FIRST_AND_LAST_LEFT = """element => {
    const text = element.firstChild, range = document.createRange();
    const left = index => {
        range.setStart(text, index); range.setEnd(text, index + 1);
        return range.getBoundingClientRect().left;
    };
    return [left(0), left(text.length - 1)];
}"""


def test_an_rlo_in_an_authors_name_does_not_reverse_the_date_on_a_post_card(page):
    PostFactory(authors=[AuthorFactory()])
    Author.objects.update(name="Evil \u202eRLO name")

    page.goto("/")
    card = page.locator(".post-card__meta")
    date, author = card.locator("time"), card.locator("a")
    day_left, year_left = date.evaluate(FIRST_AND_LAST_LEFT)

    assert day_left < year_left  # "2 December 2026" reads left to right
    assert author.bounding_box()["x"] < date.bounding_box()["x"]
