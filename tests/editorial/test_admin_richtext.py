"""The rich-text editor in the admin: offline assets, a toolbar within the sanitiser's
allowlist, and pasted Word / Google Docs markup reduced to its structure."""

import json
import re

import pytest
from django.urls import reverse
from django_prose_editor.config import allowlist_from_extensions

from blog.richtext import ALLOWED_TAGS, EDITOR_EXTENSIONS, sanitize_html
from tests.editorial.admin_client import logged_in
from tests.factories import AuthorFactory, DisclaimerFactory, PostFactory

pytestmark = pytest.mark.django_db

WORD_PASTE = """
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style>p.MsoNormal { margin: 0; font-family: "Calibri"; }</style></head><body>
<!--StartFragment-->
<h2 class="MsoHeading2" style="mso-outline-level:2"><span lang="BE">Two paths</span></h2>
<p class="MsoNormal" style="margin-bottom:8pt;line-height:107%"><span style='font-size:12.0pt;
font-family:"Times New Roman"'>Minsk bet on <b>Moscow</b>, Astana on <i>balance</i>.</span>
<o:p></o:p></p>
<!--[if !supportLists]--><p class="MsoListParagraph">·</p><!--[endif]-->
<b style="font-weight:normal" id="docs-internal-guid-1a2b"><ul style="margin-top:0">
<li dir="ltr" style="list-style-type:disc"><p dir="ltr" role="presentation"><span
style="font-weight:700">Protests</span></p></li>
<li dir="ltr"><p dir="ltr"><span>Reforms</span></p></li></ul></b>
<ol><li><a href="https://svaboda.org/" style="color:#1155cc" target="_blank">Svaboda</a></li></ol>
<!--EndFragment--></body></html>
"""


def test_pasted_word_and_google_docs_markup_keeps_structure_and_drops_the_rest():
    clean = sanitize_html(WORD_PASTE)

    for kept in [
        "<h2>Two paths</h2>",
        "Minsk bet on Moscow, Astana on balance.",
        "<li><p>Protests</p></li>",
        "<ol><li>",
    ]:
        assert kept in clean
    for dropped in ["class=", "style=", "<span", "<o:p", "mso-", "font-family", "target=", "lang="]:
        assert dropped not in clean
    assert "<!--" not in clean
    assert 'href="https://svaboda.org/"' in clean


def test_a_saved_body_is_sanitised_by_the_one_allowlist():
    post = PostFactory(body=WORD_PASTE)
    post.refresh_from_db()

    assert post.body == sanitize_html(WORD_PASTE)
    assert "MsoNormal" not in post.body


def test_the_editor_represents_exactly_the_tags_the_sanitiser_allows():
    """The editor drops a tag it cannot represent when it opens a saved text, and the
    sanitiser drops one it does not allow on save: either way an editor loses text."""
    editor_tags = allowlist_from_extensions(EDITOR_EXTENSIONS)["tags"]

    assert ALLOWED_TAGS - editor_tags == set(), "allowed, but lost when opened in the editor"
    assert editor_tags - ALLOWED_TAGS == set(), "offered by the editor, but lost on save"


@pytest.mark.parametrize(
    ("address", "field"),
    [
        ("admin:blog_post_add", "body"),
        ("admin:authors_author_add", "bio"),
        ("admin:blog_disclaimer_add", "text"),
    ],
)
def test_rich_text_fields_get_the_editor_with_local_assets_and_the_limited_toolbar(
    client, desk, address, field
):
    page = logged_in(client, desk.editor).get(reverse(address)).content.decode()
    textarea = re.search(rf'<textarea[^>]*name="{field}"[^>]*>', page).group(0)
    config = json.loads(
        re.search(r"data-django-prose-editor-configurable=\"([^\"]*)\"", textarea)
        .group(1)
        .replace("&quot;", '"')
    )

    assert config["extensions"]["Heading"] == {"levels": [2, 3, 4]}
    assert {"Figure", "Caption", "Image"} <= config["extensions"].keys()
    assert {"Table", "Color", "TextAlign"}.isdisjoint(config["extensions"])
    assert "/static/django_prose_editor/" in page
    assert not re.search(r'<script[^>]+src="https?://', page)


def test_an_editor_left_empty_counts_as_no_text(client, desk):
    response = logged_in(client, desk.editor).post(
        reverse("admin:blog_disclaimer_add"),
        {"name": "Empty", "text": "<p></p>", "placement": "after"},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["text"]


def test_bio_and_disclaimer_text_are_sanitised_too():
    author = AuthorFactory(bio='<p class="MsoNormal"><span>Born in 1955.</span></p>')
    disclaimer = DisclaimerFactory(text='<p style="color:red">Own views.</p><script>x</script>')

    assert author.bio == "<p>Born in 1955.</p>"
    assert disclaimer.text == "<p>Own views.</p>"
