import pytest

from blog.richtext import sanitize_html
from tests.factories import AuthorFactory, DisclaimerFactory, PostFactory


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert(1)</script>",
        '<img src="x.png" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
        '<p onclick="alert(1)" style="color:red">x</p>',
        "<iframe src='https://example.com'></iframe>",
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_sanitising_removes_scripts_handlers_and_dangerous_urls(dirty):
    clean = sanitize_html(dirty).lower()

    assert "<script" not in clean
    assert "alert(1)</script" not in clean
    assert "onerror" not in clean
    assert "onclick" not in clean
    assert "javascript:" not in clean
    assert "data:" not in clean
    assert "<iframe" not in clean
    assert "style=" not in clean


def test_sanitising_keeps_the_allowed_markup():
    html = (
        "<h2>1.</h2><h3>Sub</h3><h4>Subsub</h4><p><strong>Bold</strong> and <em>em</em><br></p>"
        "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>Quote</p></blockquote><hr>"
        '<figure><img src="https://example.com/a.jpg" alt="A map"><figcaption>Map</figcaption>'
        '</figure><p><a href="https://svaboda.org/">link</a> <a href="mailto:a@b.by">mail</a></p>'
    )

    clean = sanitize_html(html)

    for fragment in [
        "<h2>1.</h2>",
        "<h3>Sub</h3>",
        "<h4>Subsub</h4>",
        "<strong>Bold</strong>",
        "<em>em</em>",
        "<br>",
        "<ul><li>one</li></ul>",
        "<ol><li>two</li></ol>",
        "<blockquote><p>Quote</p></blockquote>",
        "<hr>",
        '<img src="https://example.com/a.jpg" alt="A map">',
        "<figcaption>Map</figcaption>",
        'href="https://svaboda.org/"',
        'href="mailto:a@b.by"',
    ]:
        assert fragment in clean


@pytest.mark.django_db
def test_every_rich_text_field_is_sanitised_on_save():
    attack = '<p onmouseover="alert(1)">Hi<script>alert(2)</script></p>'

    post = PostFactory(body=attack)
    author = AuthorFactory(bio=attack)
    disclaimer = DisclaimerFactory(text=attack)

    for stored in [post.body, author.bio, disclaimer.text]:
        assert stored == "<p>Hi</p>"
    post.refresh_from_db()
    assert post.body == "<p>Hi</p>"
