"""URL patterns for the feeds, wired into blog/urls.py and authors/urls.py.

Each scope's feed lives at `<page>/feed/` (RSS), `<page>/feed/atom/` and, where offered,
`<page>/feed/json/`; names are `<url_name>_<format>` in the scope's namespace.
"""

from django.urls import path, reverse
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from .generators import AtomFeed, JsonFeed, RssFeed
from .views import AuthorFeed, SectionFeed, SiteFeed, TagFeed

FORMATS = {"rss": ("", RssFeed), "atom": ("atom/", AtomFeed), "json": ("json/", JsonFeed)}


def feed_patterns(route, feed_class):
    return [
        path(
            f"{route}{suffix}",
            gzip_page(require_safe(feed_class(generator))),
            name=f"{feed_class.url_name}_{name}",
        )
        for name, (suffix, generator) in FORMATS.items()
        if name in feed_class.formats
    ]


def feed_urls(feed_class, subject):
    """The paths of every format of `subject`'s feed of this scope."""
    kwargs = feed_class.url_kwargs(subject)
    return [
        reverse(f"{feed_class.namespace}:{feed_class.url_name}_{name}", kwargs=kwargs)
        for name in feed_class.formats
    ]


blog_feed_patterns = [
    *feed_patterns("feed/", SiteFeed),
    *feed_patterns("sections/<uslug:slug>/feed/", SectionFeed),
    *feed_patterns("tags/<uslug:slug>/feed/", TagFeed),
]
author_feed_patterns = feed_patterns("<uslug:slug>/feed/", AuthorFeed)
