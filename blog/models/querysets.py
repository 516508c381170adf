"""Post.objects: the one visibility rule (`published()`) and every question reader pages ask
of the posts, each in a fixed number of queries."""

import operator
from functools import reduce

from django.db import connections, models
from django.db.models import Case, Count, Exists, F, Func, JSONField, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce, JSONObject
from django.utils import timezone

from .tags import COMMON_TAG_POSTS, TaggedPost

RELATED_CANDIDATES = 30


def carried_by(post) -> Q:
    """The rows scoped by an `author` and a `section` field that carry `post`: one of its
    authors', its section's, or (neither set) the whole site's. Follows and channels use it."""
    return (
        Q(author__in=post.authors.all()) | Q(section=post.section_id) | Q(author=None, section=None)
    )


def newest_ids(links, post_field):
    """The ids of the most recently created posts among `links` (read from an index)."""
    return links.order_by(f"-{post_field}").values(post_field)[:RELATED_CANDIDATES]


def in_any(pools, connection) -> Q:
    """`pk` in any of these limited subqueries: one UNION where the database allows limited
    parts in a compound query (PostgreSQL would scan the whole table for an OR of them),
    else one IN each (SQLite, which ORs them through its indexes)."""
    if connection.features.supports_slicing_ordering_in_compound:
        return Q(pk__in=pools[0].union(*pools[1:]))
    return reduce(operator.or_, (Q(pk__in=pool) for pool in pools))


class JSONList(Func):
    """The rows' values as one JSON list: json_group_array on SQLite, jsonb_agg on PostgreSQL
    (jsonb, which Django's PostgreSQL backend hands to JSONField as text, as it expects).
    An aggregate to the database but not to Django, which would group the subquery by
    every column: it is only ever the one value of an unordered subquery (`json_rows`)."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def json_rows(rows, *fields) -> Subquery:
    """All of `rows` as one value: a list of {field: value} (empty or None when none)."""
    row = JSONObject(**{field: field for field in fields})
    return Subquery(rows.order_by().values(json=JSONList(row)))


class PostQuerySet(models.QuerySet):
    def credit_model(self):
        """PostAuthor, the ordered byline (defined beside Post, after this class)."""
        return self.model._meta.get_field("credits").related_model

    def published(self):
        """The one rule for what readers may see: published, and its time has come."""
        return self.filter(status=self.model.Status.PUBLISHED, publish_at__lte=timezone.now())

    def scheduled(self):
        """Published posts whose time has not come yet."""
        return self.filter(status=self.model.Status.PUBLISHED, publish_at__gt=timezone.now())

    def for_readers(self):
        """Everything a reader page shows, in a fixed number of queries."""
        return self.select_related(
            "section", "disclaimer", "section__default_disclaimer"
        ).prefetch_related(
            models.Prefetch(
                "credits",
                queryset=self.credit_model().objects.select_related("author").order_by("position"),
            ),
            "tags",
            "key_points",
        )

    def for_post_page(self):
        """Everything the column page shows of a post, in one query (plus `for_readers()`'s
        prefetches), whatever the number of its corrections and translations."""
        original = Coalesce(OuterRef("translation_of"), OuterRef("pk"))
        versions = (
            self.model.objects.published()
            .filter(Q(pk=original) | Q(translation_of=original))
            .exclude(pk=OuterRef("pk"))
        )
        corrections = self.related_rows("corrections")
        return (
            self.for_readers()
            .with_neighbours()
            .annotate(
                correction_rows=json_rows(corrections, "pk", "corrected_at", "text"),
                version_rows=json_rows(
                    versions, "pk", "slug", "title", "language", "translation_of_id"
                ),
            )
        )

    def related_rows(self, name):
        """The rows of the reverse relation `name` that belong to the outer query's post."""
        return self.model._meta.get_field(name).related_model.objects.filter(post=OuterRef("pk"))

    def newest_first(self):
        return self.order_by("-publish_at", "-pk")

    def top(self, count):
        """The first `count` posts of this ordered list, picked by a subquery that reads only
        an index, so that the database seeks there before joining what the page shows
        (joined, SQLite's planner may otherwise sort the whole table)."""
        return self.filter(pk__in=self.values("pk")[:count])

    def tagged(self, tag):
        """Posts with `tag` (from `Tag.objects.with_reach()`), found the cheaper way round for
        a newest-first page: a common tag's by walking the posts' newest-first index, checking
        each for the tag; a rarer one's from its few tagged posts, at most COMMON_TAG_POSTS —
        a bound that also tells the query planner how few they are."""
        if tag.is_common:
            has_tag = TaggedPost.objects.filter(tag=tag, content_object=OuterRef("pk"))
            return self.filter(Exists(has_tag))
        tagged = TaggedPost.objects.filter(tag=tag).values("content_object")
        return self.filter(pk__in=tagged[:COMMON_TAG_POSTS])

    def owned_by(self, user):
        """Posts that credit the author profile linked to this login."""
        return self.filter(credits__author__user=user)

    def in_review(self):
        return self.filter(status=self.model.Status.REVIEW)

    def related_to(self, post):
        """Posts like `post`, best first: most shared tags, then by its authors, then its section.

        Reads the post's tags and byline from its prefetched relations (see `for_readers`).
        Only the newest RELATED_CANDIDATES posts with each of its tags, by each of its
        authors and in its section are ranked, so the cost does not grow with the archive.
        """
        tag_ids = [tag.pk for tag in post.tags.all()]
        author_ids = [author.pk for author in post.byline]
        shared_tags = (
            TaggedPost.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
            .values("content_object")
            .annotate(count=Count("pk"))
            .values("count")
        )
        bylines = self.credit_model().objects
        by_same_author = bylines.filter(post=OuterRef("pk"), author__in=author_ids)
        candidates = [
            *(newest_ids(TaggedPost.objects.filter(tag=tag), "content_object") for tag in tag_ids),
            *(newest_ids(bylines.filter(author=author), "post") for author in author_ids),
            newest_ids(self.model.objects.filter(section=post.section_id), "pk"),
        ]
        return (
            self.exclude(pk=post.pk)
            .filter(in_any(candidates, connections[self.db]))
            .alias(
                shared_tags=Coalesce(Subquery(shared_tags), 0),
                same_author=Exists(by_same_author),
                same_section=Case(When(section=post.section_id, then=1), default=0),
            )
            .order_by(
                "-shared_tags", F("same_author").desc(), "-same_section", "-publish_at", "-pk"
            )
        )

    def with_neighbours(self):
        """Annotate each post with the title and slug of the published posts just before
        and after it in its section: `previous_title`, `previous_slug`, `next_title`,
        `next_slug` (None at either end)."""
        # The post's own time bounds each search first, so that it seeks through the
        # section's index instead of scanning the section from its newest post.
        siblings = self.model.objects.filter(section=OuterRef("section"))
        at, pk = OuterRef("publish_at"), OuterRef("pk")
        earlier = (
            siblings.filter(publish_at__lte=at)
            .exclude(publish_at=at, pk__gte=pk)
            .published()
            .order_by("-publish_at", "-pk")
        )
        later = (
            siblings.filter(publish_at__gte=at)
            .exclude(publish_at=at, pk__lte=pk)
            .published()
            .order_by("publish_at", "pk")
        )
        return self.annotate(
            **{
                f"{name}_{field}": Subquery(neighbours.values(field)[:1])
                for name, neighbours in [("previous", earlier), ("next", later)]
                for field in ["title", "slug"]
            }
        )
