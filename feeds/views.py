"""The feeds: one base shared by every scope (site, author, section, tag) and format.

A feed's validators come from the page cache's generation, which changes whenever anything
readers see does: a request that names them gets 304 before any post is read. Otherwise
the feed's `Edition` is built once — the newest posts as entries, with absolute addresses
on the host the reader came through (blog/links.py: SITE_URL, a mirror or the onion
address; entry ids stay on SITE_URL's) — and Django's syndication framework writes it in
the format chosen in the URLconf.
"""

from datetime import datetime
from typing import NamedTuple
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _

from authors.models import Author
from blog.links import absolute_url, file_url
from blog.models import Post, Section, Tag
from pagecache.generation import current_generation

from .entries import Entry, entry_for, xml_safe

ALL_FORMATS = ("rss", "atom", "json")
XML_FORMATS = ("rss", "atom")
CACHE_CONTROL = {
    "public": True,
    "max_age": 300,
    "s_maxage": 300,
    "stale_while_revalidate": 3600,
    "stale_if_error": 86400,
}


class Edition(NamedTuple):
    """What a feed shows at this moment: the newest entries of its subject (None for the
    whole site), and when anything readers see last changed."""

    subject: object
    entries: tuple[Entry, ...]
    last_modified: datetime
    feed_url: str  # the feed's own address (rel="self", the WebSub topic)


def site_root() -> str:
    """The site's root on the host the reader came through (blog/links.py)."""
    return absolute_url("/")


class ColumnistFeed(Feed):
    """The newest published posts of one scope, in the format given at construction."""

    formats = ALL_FORMATS
    namespace = "blog"
    url_name = "feed"

    def __init__(self, feed_type):
        self.feed_type = feed_type

    def __call__(self, request, *args, **kwargs):
        generation = current_generation()
        validators = generation_validators(generation)
        response = get_conditional_response(request, **validators)
        if response is None:
            changed_at = generation.changed_at if generation else timezone.now()
            with translation.override(settings.LANGUAGE_CODE):
                response = self.render(self.get_object(request, changed_at, **kwargs), request)
        if validators:
            response.headers["ETag"] = validators["etag"]
            response.headers["Last-Modified"] = http_date(validators["last_modified"])
        patch_cache_control(response, **CACHE_CONTROL)
        return response

    def render(self, edition, request):
        feed = self.get_feed(edition, request)
        response = HttpResponse(content_type=feed.content_type)
        feed.write(response, "utf-8")
        return response

    def get_object(self, request, last_modified, slug=None):
        subject = self.get_subject(slug)
        posts = self.filter_posts(Post.objects.published(), subject)
        latest = posts.for_readers().newest_first().top(settings.FEED_ITEMS)
        entries = tuple(entry_for(post, site_root()) for post in latest)
        return Edition(subject, entries, last_modified, absolute_url(request.path))

    # What a scope defines.

    def get_subject(self, slug):
        return None

    def filter_posts(self, posts, subject):
        return posts

    def feed_title(self, subject):
        return settings.SITE_NAME

    def feed_description(self, subject):
        return _("The latest columns on %(site)s") % {"site": settings.SITE_NAME}

    def page_url(self, subject):
        return subject.get_absolute_url()

    def icon_url(self, subject, base_url):
        return urljoin(base_url, static("feeds/icon.png"))

    @classmethod
    def subjects_of(cls, post):
        """The subjects whose feed of this scope shows `post` (for WebSub)."""
        return [None]

    @staticmethod
    def url_kwargs(subject):
        return {}

    # Django's Feed reads these.

    def title(self, edition):
        return xml_safe(self.feed_title(edition.subject))

    def description(self, edition):
        return xml_safe(self.feed_description(edition.subject))

    subtitle = description  # what Atom calls it

    def link(self, edition):
        return urljoin(site_root(), self.page_url(edition.subject))

    def feed_url(self, edition):
        return edition.feed_url

    def feed_extra_kwargs(self, edition):
        return {
            "icon": self.icon_url(edition.subject, site_root()),
            "hub": settings.WEBSUB_HUB,
            "last_modified": edition.last_modified,
        }

    def items(self, edition):
        return edition.entries

    def item_title(self, entry: Entry):
        return entry.title

    def item_description(self, entry: Entry):
        return entry.summary_html

    def item_link(self, entry: Entry):
        return entry.url

    def item_guid(self, entry: Entry):
        return entry.id

    item_guid_is_permalink = False

    def item_pubdate(self, entry: Entry):
        return entry.published

    def item_updateddate(self, entry: Entry):
        return entry.updated

    def item_categories(self, entry: Entry):
        return entry.categories

    def item_extra_kwargs(self, entry: Entry):
        return {"entry": entry}


class SiteFeed(ColumnistFeed):
    def page_url(self, subject):
        return reverse("blog:index")


class NamedScopeFeed(ColumnistFeed):
    """A feed of one author, section or tag, found by its slug."""

    model = None

    def get_subject(self, slug):
        return get_object_or_404(self.model, slug=slug)

    def feed_title(self, subject):
        return _("%(name)s — %(site)s") % {"name": subject.name, "site": settings.SITE_NAME}

    @staticmethod
    def url_kwargs(subject):
        return {"slug": subject.slug}


class AuthorFeed(NamedScopeFeed):
    model = Author
    namespace = "authors"

    def filter_posts(self, posts, author):
        return posts.filter(authors=author)

    def feed_description(self, author):
        return _("Columns by %(name)s on %(site)s") % {
            "name": author.name,
            "site": settings.SITE_NAME,
        }

    def icon_url(self, author, base_url):
        return file_url(author.photo, base_url) or super().icon_url(author, base_url)

    @classmethod
    def subjects_of(cls, post):
        return post.byline


class SectionFeed(NamedScopeFeed):
    model = Section
    formats = XML_FORMATS
    url_name = "section_feed"

    def filter_posts(self, posts, section):
        return posts.filter(section=section)

    def feed_description(self, section):
        return section.description or _("Columns in %(name)s on %(site)s") % {
            "name": section.name,
            "site": settings.SITE_NAME,
        }

    @classmethod
    def subjects_of(cls, post):
        return [post.section]


class TagFeed(NamedScopeFeed):
    model = Tag
    formats = XML_FORMATS
    url_name = "tag_feed"

    def get_subject(self, slug):
        return get_object_or_404(Tag.objects.with_reach(), slug=slug)

    def filter_posts(self, posts, tag):
        return posts.tagged(tag)

    def feed_description(self, tag):
        return _("Columns tagged “%(name)s” on %(site)s") % {
            "name": tag.name,
            "site": settings.SITE_NAME,
        }

    @classmethod
    def subjects_of(cls, post):
        return list(post.tags.all())


def generation_validators(generation) -> dict:
    """ETag and Last-Modified of every feed while nothing readers see changes (none while
    the shared cache that holds the generation cannot be reached)."""
    if generation is None:
        return {}
    return {"etag": f'W/"{generation.token}"', "last_modified": generation.changed_at.timestamp()}


FEEDS = (SiteFeed, AuthorFeed, SectionFeed, TagFeed)
