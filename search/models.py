"""What search reads for each post: its words, case-folded, in three weights.

Kept in step with the post by `search.index`. On PostgreSQL the `vector` column holds
the weighted full-text vector under a GIN index (created by the migration on PostgreSQL
only); other databases leave it empty and match the case-folded text columns.
"""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connections, models
from django.utils.translation import gettext_lazy as _

# PostgreSQL's "simple" configuration splits words without language-specific stemming,
# so it serves Belarusian, Russian and English alike.
SEARCH_CONFIG = "simple"


def weighted_vector():
    """The title weighs most, then the summary (lead, key points, tags, authors), then the body."""
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )


class SearchDocumentQuerySet(models.QuerySet):
    def update_vectors(self):
        if connections[self.db].vendor == "postgresql":
            self.update(vector=weighted_vector())


class SearchDocument(models.Model):
    post = models.OneToOneField(
        "blog.Post", on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    title = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    vector = SearchVectorField(null=True, editable=False)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        app_label = "blog"  # its table and migrations stay with the posts it describes
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.title
