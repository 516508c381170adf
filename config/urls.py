"""Every app's addresses. Reader pages keep their historical namespaces: `blog:` gathers the
reader pages of blog, search, feeds and editorial's share previews, `authors:` the author
pages and their feeds, so that each app owns its patterns and none imports an app above it."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

import authors.urls
import blog.urls
import editorial.urls
import feeds.urls
import mirrors.urls
import search.urls
import seo.urls
from blog.language import switch_language

handler400 = "security.views.bad_request"

blog_pages = [
    *blog.urls.urlpatterns,
    *search.urls.urlpatterns,
    *editorial.urls.urlpatterns,
    *feeds.urls.blog_feed_patterns,
]
author_pages = [*authors.urls.urlpatterns, *feeds.urls.author_feed_patterns]

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("authors/", include((author_pages, "authors"))),
    path("newsletter/", include("newsletter.urls")),
    path("", include("fediverse.urls")),
    path("i18n/setlang/", switch_language, name="set_language"),
    *seo.urls.urlpatterns,
    *mirrors.urls.urlpatterns,
    path("", include((blog_pages, "blog"))),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
