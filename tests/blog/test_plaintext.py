"""The one HTML-to-text pass: the words readers see, block by block, in one linear scan."""

import html

from django.utils.html import strip_tags
from hypothesis import given
from hypothesis import strategies as st

from blog.plaintext import html_lines, html_text

WORD = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S"]), min_size=1)
INLINE = st.sampled_from(["{}", "<em>{}</em>", "<strong>{}</strong>", '<a href="/x">{}</a>'])
BLOCK = st.sampled_from(
    ["<p>{}</p>", "<h2>{}</h2>", "<ul><li>{}</li></ul>", "<blockquote><p>{}</p></blockquote>"]
)


def old_search_text(markup: str) -> str:
    """What search indexed before the one pass: Django's strip_tags, a space at every tag."""
    return " ".join(html.unescape(strip_tags(markup.replace("<", " <"))).split())


def test_blocks_are_kept_apart_and_entities_decoded():
    assert html_text("<ul><li>адзін</li><li>два</li></ul><p>A &amp; B</p>") == "адзін два A & B"
    assert html_lines("<h2>1.</h2><p>One<br>two</p><hr><figcaption>Three</figcaption>") == [
        "1.",
        "One",
        "two",
        "Three",
    ]


def test_inline_markup_does_not_split_a_word():
    assert html_text("<p>Sva<strong>bo</strong><em>da</em>, <a href='/'>link</a>.</p>") == (
        "Svaboda, link."
    )


def test_a_lone_angle_bracket_is_text_and_an_unclosed_tag_ends_the_text():
    assert html_text("<p>a < b &lt; c</p>") == "a < b < c"
    assert html_text("<p>kept</p><img alt='never closed") == "kept"


@given(st.lists(st.tuples(BLOCK, st.lists(st.tuples(INLINE, WORD), min_size=1)), min_size=1))
def test_every_word_of_every_block_comes_out_in_order(blocks):
    markup = "".join(
        block.format(" ".join(inline.format(html.escape(word)) for inline, word in words))
        for block, words in blocks
    )
    words = [word for _, block_words in blocks for _, word in block_words]

    assert html_text(markup).split() == " ".join(words).split()
    assert len(html_lines(markup)) == len(blocks)


def test_the_demo_essay_gives_the_same_words_as_before(demo_post):
    assert html_text(demo_post.body) == old_search_text(demo_post.body)
    words_before = len(demo_post.lead.split()) + len(old_search_text(demo_post.body).split())
    assert demo_post.word_count == words_before


def test_the_pass_is_linear_on_markup_made_to_be_slow():
    """Each of these took Django's strip_tags or a backtracking pattern minutes at this size."""
    assert html_text("<" * 2_000_000) == "<" * 2_000_000
    assert html_text("<a" * 1_000_000) == ""
    assert html_text("<div>" * 400_000) == ""
    assert html_text("<p><em>x" * 250_000) == " ".join(["x"] * 250_000)
