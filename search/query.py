"""Finding published posts by their words.

PostgreSQL: full-text search over the stored, GIN-indexed vector, every term matched as a
word prefix (Belarusian and Russian inflect; "беларус" finds "Беларусь" and "Беларусі"),
best ranked first. Other databases (SQLite): every term must occur in the case-folded
text; newest first.

Only the newest MAX_RESULTS matches are counted and ranked: a word found in every one of
100,000 posts would otherwise take seconds to rank, and nobody reads that far.
"""

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Q

from search.models import SEARCH_CONFIG

MAX_RESULTS = 1000
COLUMNS = ["title", "summary", "body"]


def search_posts(posts, terms: list[str]):
    """`posts` (a Post queryset) that match every one of `terms` (see `text.search_terms`)."""
    if not terms:
        return posts.none()
    if connections[posts.db].vendor == "postgresql":
        query = full_text_query(terms)
        candidates = newest(posts, posts.filter(search_document__vector=query))
        rank = SearchRank(F("search_document__vector"), query)
        return candidates.annotate(rank=rank).order_by("-rank", "-publish_at", "-pk")
    matches = posts.filter(reduce(and_, map(found_anywhere, terms)))
    return newest(posts, matches).order_by("-publish_at", "-pk")


def newest(posts, matches):
    return posts.filter(pk__in=matches.order_by("-publish_at", "-pk").values("pk")[:MAX_RESULTS])


def full_text_query(terms):
    # Terms are runs of word characters only, so they cannot break the tsquery syntax.
    prefixes = " & ".join(f"{term}:*" for term in terms)
    return SearchQuery(prefixes, search_type="raw", config=SEARCH_CONFIG)


def found_anywhere(term) -> Q:
    return reduce(or_, (Q(**{f"search_document__{column}__contains": term}) for column in COLUMNS))
