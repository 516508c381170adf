"""Property-based tests: whatever hypothesis invents, the sanitiser leaves nothing that runs,
slugs stay addressable, the importer, the subscribe form and search answer with a result
or a clear error — never an exception, never a server error."""

import re
from urllib.parse import unquote

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from authors.models import Author
from blog.models import Post, Section
from blog.richtext import ALLOWED_TAGS, sanitize_html
from blog.slugs import UNICODE_SLUG_PATTERN, unicode_slugify

from .html_audit import audit, csp_nonce
from .xss_vectors import VECTORS

WITH_DATABASE = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SLUG = re.compile(rf"{UNICODE_SLUG_PATTERN}")

TAGS = st.sampled_from(
    ["p", "a", "img", "script", "svg", "math", "iframe", "style", "form", "base", "meta", "x"]
)
ATTRIBUTE_NAMES = st.sampled_from(
    ["href", "src", "onerror", "onload", "style", "srcdoc", "formaction", "xlink:href", "alt"]
)
URL_VALUES = st.builds(
    lambda scheme, padding, rest: f"{padding}{scheme}{rest}",
    st.sampled_from(["javascript:", "JaVaScRiPt:", "data:text/html,", "vbscript:", "https://x/"]),
    st.sampled_from(["", " ", "\t", "\x01", "&#x09;", "&#106;"]),
    st.text(max_size=20),
)
ATTRIBUTES = st.lists(
    st.tuples(ATTRIBUTE_NAMES, st.one_of(URL_VALUES, st.text(max_size=20))), max_size=3
)
ELEMENTS = st.builds(
    lambda tag, attributes, inner, closed: (
        f"<{tag}"
        + "".join(f' {name}="{value}"' for name, value in attributes)
        + f">{inner}"
        + (f"</{tag}>" if closed else "")
    ),
    TAGS,
    ATTRIBUTES,
    st.one_of(st.text(max_size=30), st.sampled_from(VECTORS)),
    st.booleans(),
)
HTML_LIKE = st.lists(
    st.one_of(ELEMENTS, st.sampled_from(VECTORS), st.text(max_size=30)), max_size=6
).map("".join)
NO_SURROGATES = st.characters(blacklist_categories=("Cs",))


@given(st.one_of(HTML_LIKE, st.text()))
def test_sanitised_html_never_runs_and_is_stable(html):
    clean = sanitize_html(html)

    result = audit(clean)
    assert result.problems == []
    assert result.tags <= ALLOWED_TAGS
    assert sanitize_html(clean) == clean


@given(st.text())
def test_slugs_fit_the_address_pattern_and_are_stable(text):
    slug = unicode_slugify(text)

    assert len(slug) <= 200
    assert slug == "" or SLUG.fullmatch(slug)
    assert not slug.startswith("-")
    assert not slug.endswith("-")
    assert unicode_slugify(slug) == slug


@given(st.text(NO_SURROGATES, min_size=1))
def test_a_non_empty_slug_always_makes_an_address(text):
    slug = unicode_slugify(text)
    if slug:
        assert unquote(reverse("blog:post", kwargs={"slug": slug})).endswith(f"/{slug}/")


ESSAY = st.builds(
    lambda lead, points, body: "\n\n".join([lead, "Briefly:", *points, "1.", *body]),
    st.text(min_size=1),
    st.lists(st.text(min_size=1).map(lambda text: f"• {text}"), min_size=1, max_size=3),
    st.lists(st.text(min_size=1), min_size=1, max_size=4),
)


@pytest.mark.django_db
@WITH_DATABASE
@given(essay=st.one_of(ESSAY, st.text()), title=st.text(max_size=300), tag=st.text(max_size=50))
def test_any_essay_imports_or_is_refused_in_one_line(tmp_path_factory, client, essay, title, tag):
    Author.objects.get_or_create(slug="olga", defaults={"name": "Olga"})
    Section.objects.get_or_create(slug="blogs", defaults={"name": "Blogs"})
    path = tmp_path_factory.mktemp("essay") / "essay.txt"
    path.write_text(essay, encoding="utf-8", errors="surrogatepass")
    options = ["--author=olga", "--section=blogs", f"--title={title}", f"--tag={tag}"]

    refusal = import_or_refusal(path, *options, "--status=published")

    if refusal:
        assert "\n" not in refusal.strip()
    else:
        post = Post.objects.get(slug=unicode_slugify(title.strip()))
        assert client.get(post.get_absolute_url()).status_code == 200


def import_or_refusal(path, *options):
    try:
        call_command("import_essay", str(path), *options)
    except CommandError as error:
        return str(error)
    return None


@pytest.mark.django_db
@WITH_DATABASE
@given(email=st.text(max_size=300), follow=st.text(max_size=20), website=st.text(max_size=5))
def test_the_subscribe_form_answers_any_input_without_a_server_error(
    client, settings, email, follow, website
):
    settings.NEWSLETTER_LIMIT_PER_IP = 100_000
    settings.NEWSLETTER_LIMIT_PER_ADDRESS = 100_000

    response = client.post(
        reverse("newsletter:subscribe"),
        {"email": email, "follow": follow, "website": website},
    )

    assert response.status_code in {302, 400, 429}
    assert audit(response.content.decode(), csp_nonce(response)).problems == []


@pytest.mark.django_db
@WITH_DATABASE
@given(query=st.one_of(st.text(NO_SURROGATES), st.sampled_from(VECTORS)), page=st.text(max_size=5))
def test_search_answers_any_query_with_a_page(client, query, page):
    response = client.get(reverse("blog:search"), {"q": query, "page": page})

    assert response.status_code == 200
    assert audit(response.content.decode(), csp_nonce(response)).problems == []
