"""Synthetic content for benchmarks and for trying the site at scale — never part of the demo.

Everything it makes says "Synthetic" in its name and slug. Posts are written with bulk
inserts (no per-post signals), so this module does by hand what the signals would have
done: it marks every post announced (no subscriber is ever mailed about synthetic posts),
builds their search documents, then refreshes the query planner's statistics. (Pages
cached before live in server processes' memory: restart them after seeding.)
"""

import random
from datetime import timedelta
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone

from authors.models import Author
from blog.models import Announcement, KeyPoint, Post, PostAuthor, Section, Tag, TaggedPost
from search.index import refresh_search_documents

AUTHORS = 40
SECTIONS = 4
TAGS = 200
BATCH = 2000
SPAN = timedelta(days=20 * 365)
WORDS = [
    "state",
    "economy",
    "reform",
    "power",
    "society",
    "election",
    "border",
    "memory",
    "language",
    "history",
    "market",
    "neighbour",
    "war",
    "peace",
    "sanctions",
    "trade",
    "region",
    "opposition",
    "television",
    "energy",
    "migration",
    "school",
    "church",
    "village",
    "city",
    "archive",
    "freedom",
    "law",
    "court",
    "budget",
    "army",
    "alliance",
    "independence",
    "revolution",
    "dialogue",
    "protest",
    "censorship",
    "culture",
]


def seed_posts(count: int) -> int:
    """Add `count` synthetic published posts; return how many synthetic posts exist now."""
    cast = Cast.gather()
    start = synthetic_posts().count() + 1
    rng = random.Random(start)
    numbers = iter(range(start, start + count))
    while batch := list(islice(numbers, BATCH)):
        with transaction.atomic():
            _write_batch(batch, cast, rng)
    refresh_planner_statistics()
    return synthetic_posts().count()


def refresh_planner_statistics():
    """After a bulk load, what autovacuum would do later: the planner's statistics, and on
    PostgreSQL the visibility map that lets it answer from an index alone."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


def synthetic_posts():
    return Post.objects.filter(slug__startswith="synthetic-column-")


class Cast:
    """The synthetic authors, sections and tags that posts are spread over."""

    def __init__(self, authors, sections, tags):
        self.authors, self.sections, self.tags = authors, sections, tags

    @classmethod
    def gather(cls):
        authors = [
            Author.objects.get_or_create(
                slug=f"synthetic-author-{n}",
                defaults={"name": f"Synthetic Author {n}", "position": "Synthetic columnist"},
            )[0]
            for n in range(1, AUTHORS + 1)
        ]
        sections = [
            Section.objects.get_or_create(
                slug=f"synthetic-section-{n}",
                defaults={"name": f"Synthetic Section {n}", "order": 100 + n},
            )[0]
            for n in range(1, SECTIONS + 1)
        ]
        tags = Tag.objects.resolve([f"Synthetic tag {n}" for n in range(1, TAGS + 1)])
        return cls(authors, sections, tags)


def _write_batch(numbers, cast: Cast, rng: random.Random):
    now = timezone.now()
    posts = Post.objects.bulk_create([_post(n, cast, rng, now) for n in numbers])
    PostAuthor.objects.bulk_create(
        PostAuthor(post=post, author=author, position=position)
        for post in posts
        for position, author in enumerate(rng.sample(cast.authors, rng.choice([1, 1, 1, 2])))
    )
    TaggedPost.objects.bulk_create(
        TaggedPost(content_object=post, tag=tag)
        for post in posts
        for tag in rng.sample(cast.tags, rng.randint(1, 4))
    )
    KeyPoint.objects.bulk_create(
        KeyPoint(post=post, text=_sentence(rng, 12), position=position)
        for post in posts
        for position in range(rng.randint(0, 3))
    )
    Announcement.objects.bulk_create(Announcement(post=post) for post in posts)
    refresh_search_documents([post.pk for post in posts])


def _post(number: int, cast: Cast, rng: random.Random, now) -> Post:
    paragraphs = [_sentence(rng, rng.randint(40, 90)) for _ in range(rng.randint(3, 6))]
    body = "".join(f"<h2>{n}.</h2><p>{text}</p>" for n, text in enumerate(paragraphs, start=1))
    lead = _sentence(rng, 25)
    return Post(
        title=f"Synthetic column {number}: {_sentence(rng, 5).rstrip('.')}",
        slug=f"synthetic-column-{number}",
        section=rng.choice(cast.sections),
        lead=lead,
        body=body,
        language="en",
        status=Post.Status.PUBLISHED,
        publish_at=now - rng.random() * SPAN,
        word_count=len(f"{lead} {' '.join(paragraphs)}".split()),
    )


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS, k=words)).capitalize() + "."
