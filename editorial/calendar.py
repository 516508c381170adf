"""The editorial calendar: a week or a month of days, each with the posts that fall on it
in the site's time zone — drafts by their due date, posts in review by their due date (else
their last save), scheduled and published posts by their publication time."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Case, F, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from blog.models import Post

from .workflow import STAGES, stage

Status = Post.Status
WEEK, MONTH = "week", "month"


@dataclass
class Entry:
    post: Post
    at: datetime
    stage: str
    movable: bool = False

    @property
    def label(self) -> str:
        return dict(STAGES)[self.stage]


@dataclass
class Day:
    date: date
    in_period: bool
    entries: list[Entry] = field(default_factory=list)


def first_day(view: str, day: date) -> date:
    """The first day shown: the week's Monday, or the Monday of the month's first week."""
    if view == MONTH:
        day = day.replace(day=1)
    return day - timedelta(days=day.weekday())


def period(view: str, day: date) -> tuple[date, date]:
    """The days `view` covers around `day`: [start, end)."""
    if view == WEEK:
        start = first_day(WEEK, day)
        return start, start + timedelta(days=7)
    following = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return day.replace(day=1), following


def neighbours(view: str, day: date) -> tuple[date, date]:
    """A day in the period before and in the one after."""
    start, end = period(view, day)
    return start - timedelta(days=1), end


def weeks(posts, view: str, day: date, movable=lambda post: False) -> list[list[Day]]:
    """The calendar's rows of seven days, with the `posts` (a queryset) placed on them;
    `movable(post)` says whether the viewer may move a post to another time."""
    start, end = period(view, day)
    grid_start = first_day(view, day)
    grid_end = end + timedelta(days=(7 - end.weekday()) % 7)
    days = {
        grid_start + timedelta(days=n): Day(grid_start + timedelta(days=n), False)
        for n in range((grid_end - grid_start).days)
    }
    for one in days.values():
        one.in_period = start <= one.date < end
    for post in placed(posts, _midnight(grid_start), _midnight(grid_end)):
        moment = timezone.localtime(post.slot)
        days[moment.date()].entries.append(Entry(post, moment, stage(post), movable(post)))
    dates = sorted(days)
    return [[days[one] for one in dates[row : row + 7]] for row in range(0, len(dates), 7)]


def placed(posts, start: datetime, end: datetime):
    slot = Case(
        When(status=Status.PUBLISHED, then=F("publish_at")),
        When(status=Status.REVIEW, then=Coalesce("due_at", "updated_at")),
        default=F("due_at"),
    )
    return (
        posts.annotate(slot=slot)
        .filter(slot__gte=start, slot__lt=end)
        .select_related("section")
        .order_by("slot", "pk")
    )


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
