"""The XSS corpus in every reader-visible field: the pages and feeds that show the fields are
audited as served (tests/browser/test_xss.py then loads every one of them in Chromium and
proves that nothing runs)."""

import pytest
from django.urls import reverse

from .hostile_site import build_hostile_site, pack
from .html_audit import audit, csp_nonce
from .xss_vectors import VECTORS

pytestmark = pytest.mark.django_db


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_no_page_or_feed_showing_a_hostile_field_has_anything_that_runs(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    site = build_hostile_site()
    problems = {}
    for url in [*site.sample_pages(), *site.feeds()]:
        response = served(client, url)
        if found := audit(response.content.decode(), csp_nonce(response)).problems:
            problems[url] = found

    assert problems == {}
    showcase = served(client, site.posts[0].get_absolute_url()).content.decode()
    assert showcase.count("__xss(") >= len(VECTORS)


@pytest.mark.parametrize("query", pack(VECTORS, 200))
def test_search_queries_are_shown_back_as_text(client, query):
    response = client.get(reverse("blog:search"), {"q": query})

    assert response.status_code == 200
    assert audit(response.content.decode(), csp_nonce(response)).problems == []


@pytest.mark.parametrize("address", pack(VECTORS, 254))
def test_subscribe_form_errors_show_the_input_as_text(client, settings, address):
    settings.NEWSLETTER_LIMIT_PER_IP = 10_000

    response = client.post(reverse("newsletter:subscribe"), {"email": address, "follow": "all"})

    assert response.status_code == 400
    assert response.context["form"].errors
    assert audit(response.content.decode(), csp_nonce(response)).problems == []
