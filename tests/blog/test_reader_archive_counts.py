"""The archive's month counts follow the visibility rule: scheduled, unpublished and deleted
columns are not counted, and a scheduled column is once its time comes."""

import re
from datetime import datetime

import pytest
from django.utils import timezone

from blog.models import Post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

MONTH_ENTRY = re.compile(
    r'href="/archive/(\d{4}/\d{2})/">[^<]*</a>\s*<span class="archive-months__count">([^<]+)</span>'
)


def minsk(*args):
    return timezone.make_aware(datetime(*args))


def month_counts(client, url="/archive/") -> dict[str, str]:
    """{"2025/03": "2 columns", …}: what the page says of each month."""
    return dict(MONTH_ENTRY.findall(client.get(url).content.decode()))


def test_a_scheduled_column_is_counted_once_its_time_comes(client, time_machine):
    time_machine.move_to(minsk(2025, 3, 20, 12), tick=False)
    PostFactory(publish_at=minsk(2025, 3, 10, 12))
    PostFactory(publish_at=minsk(2025, 3, 25, 9))
    PostFactory(publish_at=minsk(2025, 4, 1, 9))

    assert month_counts(client) == {"2025/03": "1 column"}
    assert month_counts(client, "/archive/2025/") == {"2025/03": "1 column"}

    time_machine.move_to(minsk(2025, 4, 1, 10))

    assert month_counts(client) == {"2025/04": "1 column", "2025/03": "2 columns"}
    assert month_counts(client, "/archive/2025/") == {"2025/04": "1 column", "2025/03": "2 columns"}


def test_unpublished_and_deleted_columns_leave_the_counts(client):
    first, second, third = (PostFactory(publish_at=minsk(2025, 3, day, 12)) for day in (1, 2, 3))
    PostFactory(status=Post.Status.DRAFT, publish_at=minsk(2025, 3, 4, 12))
    assert month_counts(client) == {"2025/03": "3 columns"}

    first.status = Post.Status.DRAFT
    first.save()
    assert month_counts(client) == {"2025/03": "2 columns"}

    second.delete()
    assert month_counts(client) == {"2025/03": "1 column"}

    third.status = Post.Status.REVIEW
    third.save()
    assert month_counts(client) == {}
    assert "Nothing has been published yet." in client.get("/archive/").content.decode()


def test_months_are_counted_in_the_site_time_zone_across_daylight_saving_changes(client):
    # Minsk kept summer time until 2011: UTC+3 in summer, UTC+2 in winter.
    PostFactory(publish_at=minsk(2010, 3, 31, 23, 30))  # 20:30 UTC, summer time
    PostFactory(publish_at=minsk(2010, 4, 1, 0, 30))
    PostFactory(publish_at=minsk(2010, 11, 1, 0, 30))  # 22:30 UTC on 31 October, winter time
    PostFactory(publish_at=minsk(2010, 12, 31, 23, 30))  # 21:30 UTC, winter time

    expected = dict.fromkeys(["2010/12", "2010/11", "2010/04", "2010/03"], "1 column")
    assert month_counts(client) == expected
    assert month_counts(client, "/archive/2010/") == expected
    assert len(client.get("/archive/2010/11/").context["posts"]) == 1
