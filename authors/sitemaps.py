from django.db.models import OuterRef

from blog.sitemaps import ListingSitemap, latest_update

from .models import Author


class AuthorSitemap(ListingSitemap):
    """Author pages with a published post, dated by their newest change."""

    def items(self):
        return (
            Author.objects.annotate(lastmod=latest_update(authors=OuterRef("pk")))
            .filter(lastmod__isnull=False)
            .order_by("pk")
        )
