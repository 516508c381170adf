"""`{% post_seo post %}`, `{% index_seo %}`… in a page's `{% block meta %}`: the
description, robots, canonical and hreflang links, Open Graph and Twitter card tags and
the JSON-LD of that kind of page (built in `seo.meta`)."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from security.json_script import markup_safe_json
from seo import meta

register = template.Library()
HEAD = "seo/head.html"


@register.filter
def jsonld(data):
    """`{{ data|jsonld }}`: a <script type="application/ld+json"> element holding `data`."""
    text = markup_safe_json(data)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.inclusion_tag(HEAD)
def post_seo(post):
    return {"meta": meta.for_post(post)}


@register.inclusion_tag(HEAD, takes_context=True)
def index_seo(context):
    return {"meta": meta.for_index(context["request"])}


@register.inclusion_tag(HEAD, takes_context=True)
def listing_seo(context, title="", description=""):
    request = context["request"]
    title = title or settings.SITE_NAME
    return {"meta": meta.for_listing(request, title, description or meta.site_description())}


@register.inclusion_tag(HEAD, takes_context=True)
def section_seo(context, section):
    return {"meta": meta.for_section(context["request"], section)}


@register.inclusion_tag(HEAD, takes_context=True)
def tag_seo(context, tag):
    return {"meta": meta.for_tag(context["request"], tag)}


@register.inclusion_tag(HEAD, takes_context=True)
def author_seo(context, author):
    return {"meta": meta.for_author(context["request"], author)}


@register.inclusion_tag(HEAD, takes_context=True)
def search_seo(context):
    return {"meta": meta.for_search(context["request"])}
