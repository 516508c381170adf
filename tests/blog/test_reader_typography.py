"""Typography on output: quotes and dashes as each language sets them, in titles, leads,
key points and the body's text, never in its tags, addresses or code; the stored text keeps
what was typed."""

import pytest
from django.template import Context, Template

from blog.models import Post
from blog.templatetags.richtext import typeset, typographic_html
from tests.factories import PostFactory


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("be", "Ён сказаў „не“ у 1996–2000 — і ўсё"),
        ("en", "Ён сказаў “не” у 1996–2000 – і ўсё"),
    ],
)
def test_quotes_and_dashes_follow_the_language(language, expected):
    assert typeset('Ён сказаў "не" у 1996-2000 - і ўсё', language) == expected


def test_apostrophes_curl_and_addresses_keep_their_characters():
    text = 'It\'s at https://example.org/1-2?q="a" or www.x-1-2.org, write a-1@x.org'

    assert typeset(text, "en") == (
        'It’s at https://example.org/1-2?q="a" or www.x-1-2.org, write a-1@x.org'
    )


def test_rich_text_is_typeset_in_its_text_only():
    markup = (
        '<p>"Quoted" 1-2 &amp; 3</p><p><a href="https://x.org/1-2" title="a">pages 5-7</a></p>'
        '<code>x = "1-2"</code>'
    )

    assert typographic_html(markup, "be") == (
        '<p>„Quoted“ 1–2 &amp; 3</p><p><a href="https://x.org/1-2" title="a">pages 5–7</a></p>'
        '<code>x = "1-2"</code>'
    )


def test_plain_text_is_escaped_after_typesetting():
    rendered = Template('{% load richtext %}{{ text|typographic:"en" }}').render(
        Context({"text": '"bold" <b>'})
    )
    assert rendered == "“bold” &lt;b&gt;"


@pytest.mark.django_db
def test_the_column_page_typesets_title_lead_points_and_body_but_stores_what_was_typed(client):
    post = PostFactory(
        language="be",
        title='Чаму "Мінск" і "Астана" розныя',
        lead="Гады 1994-2020.",
        key_points=['Пункт "першы"'],
        body='<p>Ён сказаў "так" - <a href="https://example.org/a-1-2">спасылка</a>.</p>',
    )

    page = client.get(post.get_absolute_url()).content.decode()

    assert "Чаму „Мінск“ і „Астана“ розныя</h1>" in page
    assert "Гады 1994–2020." in page
    assert "Пункт „першы“" in page
    assert "Ён сказаў „так“ — <a" in page
    assert 'href="https://example.org/a-1-2"' in page
    assert Post.objects.get(pk=post.pk).title == 'Чаму "Мінск" і "Астана" розныя'
