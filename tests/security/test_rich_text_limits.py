"""Rich text is bounded before it is sanitised: one save can no longer hold a worker for minutes."""

import nh3
import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from blog.models import Post
from blog.richtext import validate_rich_text_limits
from editorial.demo import ESSAY_PATH
from tests.factories import AuthorFactory, SectionFactory
from tests.security.test_hostile_input import add_form, add_post, editor_client, errors_of

pytestmark = pytest.mark.django_db
__all__ = ["add_form", "editor_client"]  # fixtures shared with the other hostile-input tests

NESTED_DIVS = "<div>" * 100_000 + "x" + "</div>" * 100_000  # 1.1 MB
NESTED_QUOTES = "<blockquote>" * 100_000 + "x" + "</blockquote>" * 100_000  # 2.5 MB
OPEN_EMPHASIS = "<p><em>x" * 600_000  # 4.8 MB, under the 5 MB request limit


@pytest.fixture
def sanitised(monkeypatch):
    """Every text the sanitiser is given, in order."""
    texts = []
    clean = nh3.clean

    def spy(html, **options):
        texts.append(html)
        return clean(html, **options)

    monkeypatch.setattr(nh3, "clean", spy)
    return texts


@pytest.mark.parametrize("body", [NESTED_DIVS, NESTED_QUOTES, OPEN_EMPHASIS])
def test_a_huge_body_is_refused_naming_the_limit_before_sanitising(
    editor_client, add_form, sanitised, body
):
    response = add_post(editor_client, add_form | {"body": body})

    assert "the limit is 500,000 characters" in errors_of(response)["body"]
    assert not Post.objects.exists()
    assert not any(len(text) > 500_000 for text in sanitised)


def test_a_small_body_nested_too_deep_is_refused_naming_the_limit(
    editor_client, add_form, sanitised
):
    body = "<blockquote>" * 1_000 + "x" + "</blockquote>" * 1_000

    response = add_post(editor_client, add_form | {"body": body})

    assert "more than 40 levels deep" in errors_of(response)["body"]
    assert not Post.objects.exists()
    assert body not in sanitised


def test_a_long_essay_with_quotes_lists_and_emphasis_still_saves(editor_client, add_form):
    section = (
        "<h2>1.</h2><p>Opening words of a long argument, <strong>stressed</strong>.</p>"
        "<blockquote><ul><li><p>A quoted point with <em><strong><a href='https://e.org'>"
        "a link</a></strong></em> in it.</p></li></ul></blockquote>"
        "<p>" + "Another sentence of the essay. " * 40 + "</p>"
    )
    body = section * 250  # ~400,000 characters

    response = add_post(editor_client, add_form | {"body": body})

    assert response.status_code == 302
    post = Post.objects.get()
    assert post.word_count == 2 + 250 * (1 + 7 + 8 + 5 * 40)
    assert post.body.count("<blockquote>") == 250


def test_the_importer_refuses_an_essay_over_the_limit_in_one_line(settings):
    AuthorFactory(slug="a")
    SectionFactory(slug="b")
    settings.RICH_TEXT_MAX_CHARS = 1_000
    options = ["--author", "a", "--section", "b", "--title", "T"]

    with pytest.raises(CommandError, match="the limit is 1,000 characters") as error:
        call_command("import_essay", str(ESSAY_PATH), *options)

    assert "\n" not in str(error.value)
    assert not Post.objects.exists()


def nested(depth, inner="x"):
    return "<blockquote>" * depth + inner + "</blockquote>" * depth


@pytest.mark.parametrize(
    "html",
    [
        nested(40),
        nested(20) * 500,  # deep many times over, never deeper
        "<p>one<p>two" * 1_000 + "<ul><li>one<li>two</ul>" * 1_000,  # siblings left open
        nested(39, "<p>" + "<br><img src=x><hr>" * 1_000 + "</p>"),  # void tags hold nothing
        nested(39, "</em></div>" * 100 + "<p>x</p>"),  # stray end tags close nothing
    ],
)
def test_text_within_the_depth_limit_passes(html):
    validate_rich_text_limits(html)


@pytest.mark.parametrize(
    "html", [nested(41), "<em>" * 41, "<div><span>" * 21, nested(39, "<p><em>x</em></p>")]
)
def test_text_one_level_over_the_depth_limit_is_refused(html):
    with pytest.raises(ValidationError, match="more than 40 levels deep"):
        validate_rich_text_limits(html)
