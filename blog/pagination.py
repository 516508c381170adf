"""Keyset pagination for newest-first post lists: "Newer" and "Older" links that cost the
same at any depth.

A page is addressed by the position of a post in the list's sort order — its publish time
and pk — instead of a page number, so the database seeks straight to it through an index
rather than counting every post and skipping OFFSET rows.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import gettext as _

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
BEGINNING = datetime.min.replace(tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


@dataclass(frozen=True)
class Position:
    """Where a post stands in a newest-first list; written `<microseconds>.<pk>` in URLs."""

    publish_at: datetime
    pk: int

    @classmethod
    def of(cls, post) -> "Position":
        return cls(post.publish_at, post.pk)

    @classmethod
    def parse(cls, text: str) -> "Position":
        try:
            micros, pk = (int(part) for part in text.split("."))
            return cls(EPOCH + micros * MICROSECOND, pk)
        except (ValueError, OverflowError):
            raise Http404(_("This page of the list does not exist.")) from None

    def __str__(self):
        return f"{(self.publish_at - EPOCH) // MICROSECOND}.{self.pk}"

    def older(self, posts):
        # A closed range: SQLite's planner seeks by it rather than by the visibility rule's
        # open `publish_at <= now` (it rates a closed range far more selective than an open one).
        return posts.filter(publish_at__range=(BEGINNING, self.publish_at)).exclude(
            publish_at=self.publish_at, pk__gte=self.pk
        )

    def newer(self, posts):
        return posts.filter(publish_at__gte=self.publish_at).exclude(
            publish_at=self.publish_at, pk__lte=self.pk
        )


@dataclass(frozen=True)
class PostWindow:
    """One page of a newest-first list of posts and the query strings of its neighbours."""

    posts: list
    newer_query: str | None
    older_query: str | None

    @property
    def has_neighbours(self) -> bool:
        return bool(self.newer_query or self.older_query)

    @classmethod
    def of(cls, posts, params, size: int) -> "PostWindow":
        """The page `params` ask for (`?older=` or `?newer=` a position, else the first)."""
        if "older" in params:
            rows = list(Position.parse(params["older"]).older(posts).top(size + 1))
            return cls.page(rows[:size], has_newer=True, has_older=len(rows) > size)
        if "newer" in params:
            rows = list(Position.parse(params["newer"]).newer(posts).reverse().top(size + 1))
            if len(rows) > size:  # otherwise the newest posts are reached: the first page
                return cls.page(rows[size - 1 :: -1], has_newer=True, has_older=True)
        rows = list(posts.top(size + 1))
        return cls.page(rows[:size], has_newer=False, has_older=len(rows) > size)

    @classmethod
    def page(cls, posts, has_newer: bool, has_older: bool) -> "PostWindow":
        if not posts and has_newer:
            raise Http404(_("This page of the list does not exist."))
        return cls(
            posts,
            newer_query=_query("newer", posts[0]) if has_newer else None,
            older_query=_query("older", posts[-1]) if has_older else None,
        )


def _query(direction, post) -> str:
    return "?" + urlencode({direction: str(Position.of(post))})
