import re
from datetime import datetime
from html import unescape
from urllib.parse import urljoin

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from blog.models import Post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def minsk(*args):
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def archive():
    return {
        "march": PostFactory(title="A March column", publish_at=minsk(2025, 3, 10, 12)),
        "march_2": PostFactory(title="Another March column", publish_at=minsk(2025, 3, 20, 12)),
        "new_year": PostFactory(title="A New Year column", publish_at=minsk(2026, 1, 1, 0, 30)),
        "draft": PostFactory(
            title="A draft", status=Post.Status.DRAFT, publish_at=minsk(2025, 4, 1, 12)
        ),
    }


def test_the_archive_lists_months_with_columns_newest_first(client, archive):
    html = client.get("/archive/").content.decode()

    assert html.index('href="/archive/2026/"') < html.index('href="/archive/2025/"')
    assert html.index('href="/archive/2026/01/"') < html.index('href="/archive/2025/03/"')
    assert "2 columns" in html
    assert "1 column" in html
    assert "/archive/2025/04/" not in html


def test_a_year_lists_its_months_and_columns(client, archive):
    response = client.get("/archive/2025/")

    assertContains(response, "<h1>2025</h1>", html=True)
    assertContains(response, 'href="/archive/2025/03/"')
    assertContains(response, "A March column")
    assertContains(response, "Another March column")
    assertNotContains(response, "A New Year column")
    assertNotContains(response, "A draft")


def test_a_month_lists_its_columns_in_the_site_time_zone(client, archive):
    january = client.get("/archive/2026/01/")
    december = client.get("/archive/2025/12/")

    assertContains(january, "January 2026")
    assertContains(january, "A New Year column")
    assert december.status_code == 404, "00:30 on 1 January in Minsk is still 2025 in UTC"


@pytest.mark.parametrize(
    "url", ["/archive/2024/", "/archive/2025/04/", "/archive/2025/13/", "/archive/0000/"]
)
def test_empty_or_impossible_dates_answer_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_archive_months_are_paginated(client, settings):
    for day in range(1, settings.POSTS_PER_PAGE + 2):
        PostFactory(title=f"May {day}", publish_at=minsk(2025, 5, day, 12))

    first = client.get("/archive/2025/05/")
    older = re.search(r'<a [^>]*rel="next"[^>]*>', first.content.decode()).group(0)
    older_href = unescape(re.search(r'href="([^"]+)"', older).group(1))
    second = client.get(urljoin("/archive/2025/05/", older_href))

    assert len(first.context["posts"]) == settings.POSTS_PER_PAGE
    assert [post.title for post in second.context["posts"]] == ["May 1"]


def test_an_empty_archive_says_so(client):
    assertContains(client.get("/archive/"), "Nothing has been published yet.")
