import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertInHTML

from tests.factories import PostFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_the_header_leads_to_every_section_the_columnists_and_the_archive(client):
    SectionFactory(name="Blogs", slug="blogs")
    SectionFactory(name="Opinion", slug="opinion")

    response = client.get("/sections/opinion/")

    assertContains(response, '<a href="/sections/blogs/" dir="auto">Blogs</a>', html=True)
    current = '<a href="/sections/opinion/" dir="auto" aria-current="page">Opinion</a>'
    assertContains(response, current, html=True)
    assertContains(response, '<a href="/authors/">Columnists</a>', html=True)
    assertContains(response, '<a href="/archive/">Archive</a>', html=True)


def test_the_footer_offers_feeds_subscription_archive_and_corrections(client):
    response = client.get("/")

    footer = response.content.decode().partition('<footer class="site-footer">')[2]
    for url in [
        reverse("blog:feed_rss"),
        reverse("newsletter:subscribe"),
        reverse("blog:archive"),
        reverse("blog:corrections"),
    ]:
        assert f'href="{url}"' in footer


def test_every_page_has_a_skip_link_to_its_main_landmark(client):
    response = client.get("/")

    assertContains(response, '<a class="skip-link" href="#content">Skip to content</a>')
    assertContains(response, '<main id="content"')


def test_a_column_in_another_language_marks_its_passages(client):
    post = PostFactory(
        title="Чаму Беларусь і Казахстан пайшлі рознымі шляхамі",
        language="be",
        body="<p>Уступ.</p><h2>1.</h2><p>Розныя геаграфічныя становішчы.</p>",
    )

    html = client.get(post.get_absolute_url()).content.decode()

    assert '<html lang="en">' in html
    assert '<h1 class="post__title" lang="be">' in html
    assert '<div class="post__body" lang="be">' in html
    assert '<ol class="contents__list" lang="be">' in html
    assertInHTML('<h2 id="contents-title" class="contents__title">In this column</h2>', html)
    assertContains(client.get("/"), '<h2 class="post-card__title" lang="be">')


def test_share_links_are_plain_addresses_of_the_column(client, settings):
    settings.SITE_URL = "https://columnist.example"
    post = PostFactory(title="Belarus & Kazakhstan", slug="two-paths")
    url = "https%3A%2F%2Fcolumnist.example%2Fposts%2Ftwo-paths%2F"

    response = client.get(post.get_absolute_url())

    for href in [
        f"https://www.facebook.com/sharer/sharer.php?u={url}",
        f"https://x.com/intent/post?url={url}&amp;text=Belarus+%26+Kazakhstan",
        f"https://t.me/share/url?url={url}&amp;text=Belarus+%26+Kazakhstan",
        f"mailto:?subject=Belarus%20%26%20Kazakhstan&amp;body={url}",
    ]:
        assertContains(response, f'href="{href}"')
    assertContains(response, 'data-copy-url="https://columnist.example/posts/two-paths/"')


def test_the_column_page_loads_no_third_party_code(client, demo_post):
    html = client.get(demo_post.get_absolute_url()).content.decode()

    assert re.findall(r"<script[^>]* src=\"([^\"]+)\"", html) == [
        "/static/js/share.js",
        "/static/js/subscribe.js",
    ]
    assert re.findall(r"<link[^>]* rel=\"stylesheet\"[^>]*>", html) == [
        '<link rel="stylesheet" href="/static/css/columnist.css">'
    ]
    assert "<iframe" not in html
    assert not re.search(r"<[^>]*\s(on[a-z]+|style)=", html), "no inline handlers or styles"
