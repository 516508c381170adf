"""The archive: every published post by year and month (in the site's time zone).

Each month is counted as one range of the (status, publish_at) index, its bounds computed
here, instead of truncating every post's publish time to its month in the database (SQLite
would do that in Python, one post at a time; PostgreSQL would sort every post by it). All
the months are counted in one statement that lists them as a table of values, so that the
database plans one small count for them all.
"""

import calendar
from datetime import date, datetime, time

from django.db import connections
from django.db.models import DateTimeField, F, Func
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.views.generic import TemplateView

from .models import Post
from .views import PublishedPostList

MONTH_START = RawSQL("months.month_start", (), output_field=DateTimeField())
MONTH_END = RawSQL("months.month_end", (), output_field=DateTimeField())


def month_span(year: int, month: int) -> tuple[datetime, datetime]:
    """The first and the last moment of this month in the site's time zone."""
    last_day = date(year, month, calendar.monthrange(year, month)[1])
    return (
        timezone.make_aware(datetime(year, month, 1)),
        timezone.make_aware(datetime.combine(last_day, time.max)),
    )


def months_between(first: datetime, last: datetime) -> list[tuple[int, int]]:
    """(year, month) of each month from `first`'s to `last`'s in the site's time zone,
    newest first."""
    first, last = timezone.localtime(first), timezone.localtime(last)
    newest, oldest = last.year * 12 + last.month - 1, first.year * 12 + first.month - 1
    return [(index // 12, index % 12 + 1) for index in range(newest, oldest - 1, -1)]


def month_counts(months: list[tuple[int, int]]) -> list[dict]:
    """[{"month": <first moment of the month>, "count": n}, …] for each of these (year,
    month) in which readers can see posts, in the given order."""
    spans = [month_span(year, month) for year, month in months]
    counts = _count_within(spans) if spans else {}
    return [{"month": start, "count": counts[n]} for n, (start, _) in enumerate(spans) if counts[n]]


def _count_within(spans: list[tuple[datetime, datetime]]) -> dict[int, int]:
    """{n: how many visible posts the nth span holds}, for all the spans in one statement."""
    connection = connections[Post.objects.db]
    adapt = connection.ops.adapt_datetimefield_value
    rows = [(n, adapt(start), adapt(end)) for n, (start, end) in enumerate(spans)]
    count_sql, count_params = _visible_in_month(connection)
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH months(ordinal, month_start, month_end) AS (VALUES "
            + ", ".join(["(%s, %s, %s)"] * len(rows))
            + f") SELECT ordinal, ({count_sql}) FROM months",
            [*(value for row in rows for value in row), *count_params],
        )
        return dict(cursor.fetchall())


def _visible_in_month(connection) -> tuple[str, tuple]:
    """SQL and parameters counting the visible posts within the bounds of a `months` row."""
    # A closed range, which SQLite's planner seeks by rather than by the visibility rule's
    # open `publish_at <= now` (it rates a closed range far more selective than an open one).
    in_month = Post.objects.filter(publish_at__range=(MONTH_START, MONTH_END)).published()
    count = in_month.order_by().values(count=Func(F("pk"), function="COUNT"))
    return count.query.get_compiler(connection=connection).as_sql()


def published_months() -> list[dict]:
    """`month_counts` of every month from the first visible post's to now."""
    times = Post.objects.published().order_by("publish_at").values_list("publish_at", flat=True)
    first = times.first()
    return month_counts(months_between(first, timezone.now())) if first else []


YEAR = r"(?P<year>[1-9][0-9]{3})"
MONTH = r"(?P<month>0[1-9]|1[0-2])"


class ArchiveIndexView(TemplateView):
    template_name = "blog/archive_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(months=published_months(), **kwargs)


class ArchiveYearView(PublishedPostList):
    template_name = "blog/archive_year.html"
    allow_empty = False

    def filter_posts(self, posts):
        return posts.filter(publish_at__year=self.kwargs["year"])

    def get_context_data(self, **kwargs):
        year = int(self.kwargs["year"])
        months = month_counts([(year, month) for month in range(12, 0, -1)])
        return super().get_context_data(year=year, months=months, **kwargs)


class ArchiveMonthView(PublishedPostList):
    template_name = "blog/archive_month.html"
    allow_empty = False

    def filter_posts(self, posts):
        year, month = int(self.kwargs["year"]), int(self.kwargs["month"])
        return posts.filter(publish_at__range=month_span(year, month))

    def get_context_data(self, **kwargs):
        month = date(int(self.kwargs["year"]), int(self.kwargs["month"]), 1)
        return super().get_context_data(month=month, **kwargs)
