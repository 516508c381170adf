"""Library images on reader pages: <picture> with WebP and original-format `srcset`, the
image's own width and height, and lazy loading below the fold."""

import re
from html import unescape

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from library.body import image_sources, library_images
from library.models import stored_name

register = template.Library()

BODY_IMAGE = re.compile(r"<img\b[^>]*>")
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
# The post column is at most 37rem wide (static/css: --measure).
SIZES = "(min-width: 40rem) 37rem, 100vw"


def picture(image, alt, *, eager=False):
    """`image` as <picture>: a WebP `srcset`, then its own format's for the <img>."""
    own = image.srcset(image.own_format)
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"'
        ' loading="{}" decoding="async"></picture>',
        image.webp_srcset,
        SIZES,
        image.file.url,
        own,
        SIZES,
        image.width,
        image.height,
        alt,
        "eager" if eager else "lazy",
    )


@register.filter
def library_images_in(html):
    """Sanitised rich text with each library image given its responsive copies (one query
    for all). Only sanitised, already-safe text is accepted; other images stay as they are."""
    if not isinstance(html, SafeString):
        raise TypeError("library_images_in takes the output of the richtext filter")
    known = library_images(image_sources(html))
    if not known:
        return html

    def responsive(match):
        attributes = {name: unescape(value) for name, value in ATTRIBUTE.findall(match[0])}
        image = known.get(stored_name(attributes.get("src", "")))
        return picture(image, attributes.get("alt", "")) if image else match[0]

    return mark_safe(BODY_IMAGE.sub(responsive, html))
