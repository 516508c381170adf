"""/sitemap.xml (an index), /sitemap-<section>.xml, /robots.txt and /favicon.ico."""

from dataclasses import replace
from urllib.parse import urlsplit

from django.contrib.sitemaps import views as sitemaps
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from blog.links import absolute_url

from .sitemaps import AuthorSitemap, NewsSitemap, PostSitemap, SectionSitemap, TagSitemap

SITEMAPS = {
    "posts": PostSitemap,
    "news": NewsSitemap,
    "authors": AuthorSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
}


@require_safe
def sitemap_index(request):
    """Django's index names each sitemap on the request's Host: here on the public origin."""
    response = sitemaps.index(request, SITEMAPS, sitemap_url_name="sitemap_section")
    response.context_data["sitemaps"] = [
        replace(item, location=absolute_url(path_and_query(item.location)))
        for item in response.context_data["sitemaps"]
    ]
    return response


def path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@require_safe
def sitemap_section(request, section):
    template = getattr(SITEMAPS.get(section), "template_name", "sitemap.xml")
    return sitemaps.sitemap(request, SITEMAPS, section=section, template_name=template)


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(sitemap_url=absolute_url(reverse("sitemap")), **kwargs)


@require_safe
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for without reading the page."""
    return redirect(static("img/favicon.ico"), permanent=True)
