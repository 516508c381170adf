"""The archive: every published post by year and month (in the site's time zone)."""

from datetime import date

from django.views.generic import TemplateView

from .archive_months import month_counts, month_span, published_months
from .views import PublishedPostList

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
