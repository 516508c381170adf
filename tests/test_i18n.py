"""The interface in Belarusian and English, the language switcher, and posts linked to
their translations."""

import re
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import formats, translation
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import AuthorFactory, DisclaimerFactory, PostFactory, SectionFactory
from tests.seo.page_head import link_hrefs, structured_data

pytestmark = pytest.mark.django_db

# Names that stay as they are in every language.
PROPER_NAMES = re.compile(r"\b(JSON Feed|RSS|Atom|Facebook|Telegram|X)\b")
TEXT_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
SKIPPED_ELEMENTS = {"script", "style"}
VOID_ELEMENTS = {"meta", "link", "input", "img", "br", "hr", "source", "col", "wbr"}


class VisibleText(HTMLParser):
    """Text a reader sees or hears in the page's own language: text nodes, the labels in
    text attributes and on buttons, the title and description — but nothing inside an
    element marked as another language (a link to the English version, say)."""

    def __init__(self, language):
        super().__init__()
        self.stack = [language]  # the language of each open element
        self.texts = set()

    @property
    def in_page_language(self):
        return self.stack[-1] == self.stack[0]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        language = attributes.get("lang", self.stack[-1])
        if tag == "html":
            language = self.stack[0]
        if language == self.stack[0]:
            self.add(*(value for name, value in attrs if name in TEXT_ATTRIBUTES))
            if tag == "input" and attributes.get("type") in {"submit", "button"}:
                self.add(attributes.get("value"))
            if tag == "meta" and attributes.get("name") == "description":
                self.add(attributes.get("content"))
        if tag not in VOID_ELEMENTS:
            self.stack.append("skip" if tag in SKIPPED_ELEMENTS else language)

    def handle_endtag(self, tag):
        if tag not in VOID_ELEMENTS and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_page_language:
            self.add(data)

    def add(self, *texts):
        self.texts.update(" ".join(text.split()) for text in texts if text and text.strip())


def is_english(text):
    return re.search(r"[A-Za-z]", PROPER_NAMES.sub("", text)) is not None


def visible_texts(response, language):
    parser = VisibleText(language)
    parser.feed(response.content.decode())
    return parser.texts


@pytest.fixture
def belarusian_site(settings):
    """Content written in Belarusian, so that any Latin text left is the interface's."""
    settings.SITE_NAME = "Калонкі"
    section = SectionFactory(
        name="Блогі",
        slug="blogs",
        default_disclaimer=DisclaimerFactory(text="<p>Думкі аўтараў.</p>"),
    )
    author = AuthorFactory(
        name="Валер Карбалевіч",
        position="Палітычны аглядальнік",
        birth_year=1955,
        education="Гістарычны факультэт БДУ.",
        bio="<p>Гісторык.</p>",
    )
    post = PostFactory(
        title="Чаму Беларусь і Казахстан пайшлі рознымі шляхамі",
        lead="Лукашэнка не здолеў выскачыць з каляіны.",
        body="<p>Беларусь і Казахстан.</p><h2>1.</h2><p>Геаграфія.</p><h2>2.</h2><p>Эканоміка.</p>",
        key_points=["Абодва рэжымы выжылі дзякуючы Маскве."],
        tags=["Беларусь", "Казахстан"],
        authors=[author],
        section=section,
        language="be",
    )
    PostFactory(
        title="Яшчэ адна калонка", lead="Лід.", authors=[author], section=section, language="be"
    )
    return post


def reader_pages(post):
    return {
        "post": post.get_absolute_url(),
        "author": post.byline[0].get_absolute_url(),
        "index": reverse("blog:index"),
        "search": reverse("blog:search") + "?q=беларусь",
        "subscribe": reverse("newsletter:subscribe"),
        "columnists": reverse("authors:list"),
        "section": post.section.get_absolute_url(),
    }


@pytest.mark.parametrize(
    "page", ["post", "author", "index", "search", "subscribe", "columnists", "section"]
)
def test_the_belarusian_interface_has_no_english_left(client, belarusian_site, page):
    url = reader_pages(belarusian_site)[page]

    english = client.get(url, headers={"accept-language": "en"})
    belarusian = client.get(url, headers={"accept-language": "be"})

    assert english.status_code == belarusian.status_code == 200
    assertContains(belarusian, '<html lang="be">')
    english_texts = visible_texts(english, "en")
    belarusian_texts = visible_texts(belarusian, "be")
    assert any(is_english(text) for text in english_texts)
    assert {text for text in belarusian_texts & english_texts if is_english(text)} == set()


def test_the_post_page_speaks_belarusian(client, belarusian_site):
    response = client.get(belarusian_site.get_absolute_url(), headers={"accept-language": "be"})

    for words in ["Коратка", "Падпісацца", "Калюмністы", "хв чытаньня", "Перайсьці да зьместу"]:
        assertContains(response, words)


def test_language_code_chooses_the_interface_language(client, settings, belarusian_site):
    settings.LANGUAGE_CODE = "be"

    response = client.get("/")

    assertContains(response, '<html lang="be">')
    assertContains(response, "Апошнія калёнкі")


def test_the_language_switcher_changes_the_interface_language(client, belarusian_site):
    page = client.get("/")
    assertContains(page, 'action="/i18n/setlang/"')
    assertNotContains(page, "csrfmiddlewaretoken")  # pages stay shareable from the cache

    response = client.post("/i18n/setlang/", {"language": "be", "next": "/authors/"})

    assert response.status_code == 302
    assert response["Location"] == "/authors/"
    assertContains(client.get("/authors/"), "Калюмністы")


def test_the_language_switcher_refuses_posts_from_other_sites():
    client = Client(enforce_csrf_checks=True)
    data = {"language": "be", "next": "/"}

    refused = client.post("/i18n/setlang/", data, headers={"sec-fetch-site": "cross-site"})
    forged = client.post("/i18n/setlang/", data, headers={"origin": "https://evil.example"})
    own = client.post("/i18n/setlang/", data, headers={"sec-fetch-site": "same-origin"})

    assert refused.status_code == forged.status_code == 403
    assert "django_language" not in refused.cookies
    assert own.status_code == 302
    assert own.cookies["django_language"].value == "be"


def test_dates_and_numbers_follow_the_language(client):
    minsk = ZoneInfo("Europe/Minsk")
    post = PostFactory(publish_at=datetime(2026, 6, 5, 9, 30, tzinfo=minsk))

    assertContains(
        client.get(post.get_absolute_url(), headers={"accept-language": "be"}), "5 чэрвеня 2026"
    )
    assertContains(
        client.get(post.get_absolute_url(), headers={"accept-language": "en"}), "5 June 2026"
    )
    with translation.override("be"):
        assert formats.date_format(datetime(2026, 6, 5)) == "5 чэрвеня 2026 г."
        assert formats.number_format(1234.5, decimal_pos=1) == "1234,5"


@pytest.fixture
def versions():
    original = PostFactory(title="Беларусь і Казахстан", language="be")
    russian = PostFactory(title="Беларусь и Казахстан", language="ru", translation_of=original)
    english = PostFactory(title="Belarus and Kazakhstan", language="en", translation_of=original)
    PostFactory(title="Чарнавік", language="en", translation_of=original, status="draft")
    return original, russian, english


def test_translations_link_to_each_other_with_hreflang(client, versions, settings):
    settings.SITE_URL = "https://columns.example"
    expected = {
        ("be", "https://columns.example" + versions[0].get_absolute_url()),
        ("ru", "https://columns.example" + versions[1].get_absolute_url()),
        ("en", "https://columns.example" + versions[2].get_absolute_url()),
        ("x-default", "https://columns.example" + versions[0].get_absolute_url()),
    }
    for version in versions:
        response = client.get(version.get_absolute_url())
        html = response.content.decode()

        alternates = set(
            re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
        )
        assert alternates == expected
        for other in versions:
            if other != version:
                assertContains(
                    response, f'href="{other.get_absolute_url()}" hreflang="{other.language}"'
                )
        assertNotContains(response, "Чарнавік")


def test_structured_data_names_the_language_and_the_translations(client, versions):
    original, russian, _english = versions

    article = structured_data(client.get(original.get_absolute_url()))["OpinionNewsArticle"]
    translated = structured_data(client.get(russian.get_absolute_url()))["OpinionNewsArticle"]

    assert article["inLanguage"] == "be"
    assert {work["inLanguage"] for work in article["workTranslation"]} == {"ru", "en"}
    assert translated["inLanguage"] == "ru"
    assert translated["translationOfWork"][0]["url"].endswith(original.get_absolute_url())


def test_an_untranslated_post_has_no_alternates(client):
    response = client.get(PostFactory().get_absolute_url())

    assertNotContains(response, "hreflang")
    assert link_hrefs(response, "alternate") == [
        link for link in link_hrefs(response, "alternate") if "feed" in link
    ]


def test_a_translation_links_to_an_original_only(versions):
    original, russian, english = versions

    english.translation_of = russian
    with pytest.raises(ValidationError, match="original"):
        english.full_clean()
    original.translation_of = english
    with pytest.raises(ValidationError):
        original.full_clean()
