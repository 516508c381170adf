"""Sitemaps of what readers may see: posts, authors, sections, tags, and the Google News sitemap
of the last two days. Each costs the same few queries whatever the number of posts."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone

from authors.models import Author
from blog.links import public_origin
from blog.models import Post, Section, Tag

NEWS_WINDOW = timedelta(days=2)


def latest_update(**lookup):
    """The newest `updated_at` among the published posts matching `lookup` (with OuterRef)."""
    posts = Post.objects.published().filter(**lookup).order_by("-updated_at")
    return Subquery(posts.values("updated_at")[:1])


class SiteSitemap(Sitemap):
    """Addresses on the public origin (blog/links.py), like every other absolute address the
    site gives out: SITE_URL, or the mirror or onion address the sitemap was read through."""

    @property
    def protocol(self):
        return urlsplit(public_origin()).scheme

    def get_domain(self, site=None):
        return urlsplit(public_origin()).netloc


class ListingSitemap(SiteSitemap):
    """Pages listing the published posts of one `model` object (through `relation`), each
    dated by its newest change to them; objects with no published post are left out."""

    model = None
    relation = None
    ordering = ("pk",)

    def items(self):
        newest = latest_update(**{self.relation: OuterRef("pk")})
        listings = self.model.objects.annotate(lastmod=newest).filter(lastmod__isnull=False)
        return listings.order_by(*self.ordering)

    def lastmod(self, item):
        return item.lastmod


class PostSitemap(SiteSitemap):
    def items(self):
        return Post.objects.published().only("slug", "updated_at").newest_first()

    def lastmod(self, post):
        return post.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class NewsSitemap(PostSitemap):
    """Google News: posts published in the last two days, with title and language."""

    template_name = "sitemaps/news.xml"
    limit = 1000

    def items(self):
        return (
            Post.objects.published()
            .filter(publish_at__gte=timezone.now() - NEWS_WINDOW)
            .only("slug", "title", "language", "publish_at", "updated_at")
            .newest_first()
        )


class SectionSitemap(ListingSitemap):
    model = Section
    relation = "section"
    ordering = ("order", "pk")


class TagSitemap(ListingSitemap):
    model = Tag
    relation = "tags"


class AuthorSitemap(ListingSitemap):
    model = Author
    relation = "authors"
