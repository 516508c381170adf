import pytest
from pytest_django.asserts import assertContains, assertNotContains

from blog.toc import TocEntry, table_of_contents
from tests.factories import PostFactory


def test_each_numbered_section_becomes_an_entry_summarised_by_its_first_sentence():
    body = (
        "<p>Opening.</p>"
        "<h2>1.</h2><p>Geography matters. Belarus lies between two powers.</p>"
        "<h2>2</h2><blockquote><p>A quote.</p></blockquote><p>Energy &amp; oil? Yes.</p>"
    )

    assert table_of_contents(body) == [
        TocEntry("1", "Geography matters."),
        TocEntry("2", "A quote."),
    ]
    assert table_of_contents(body)[1].anchor == "section-2"


def test_long_first_sentences_are_cut_to_a_dozen_words():
    sentence = " ".join(f"word{n}" for n in range(30)) + "."

    (entry,) = table_of_contents(f"<h2>1.</h2><p>{sentence}</p>")

    assert entry.summary == " ".join(f"word{n}" for n in range(12)) + "…"


def test_markup_and_entities_inside_the_first_paragraph_become_plain_text():
    (entry,) = table_of_contents("<h2>3.</h2><p>The <em>“Titanic”</em> &amp; the iceberg.</p>")

    assert entry.summary == "The “Titanic” & the iceberg."


@pytest.mark.parametrize(
    "body", ["", "<p>No sections.</p>", "<h2>Not numbered</h2><p>Text.</p>", "<h3>1.</h3>"]
)
def test_a_body_without_numbered_sections_has_no_contents(body):
    assert table_of_contents(body) == []


def test_a_section_without_a_paragraph_keeps_its_number():
    assert table_of_contents("<h2>1.</h2><ul><li>Point</li></ul>") == [TocEntry("1", "")]


@pytest.mark.django_db
def test_the_demo_column_links_every_section_to_its_heading(client, demo_post):
    response = client.get(demo_post.get_absolute_url())

    for number in range(1, 8):
        assertContains(response, f'<a href="#section-{number}">', count=1)
        assertContains(response, f'<h2 id="section-{number}">{number}.</h2>', count=1)
    assertContains(response, "Different geographical, and therefore, geopolitical position")


@pytest.mark.django_db
def test_a_post_without_numbered_sections_shows_no_contents(client):
    post = PostFactory(body="<p>Just one thought.</p>")

    assertNotContains(client.get(post.get_absolute_url()), "In this column")
