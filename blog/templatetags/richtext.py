import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

NUMBERED_HEADING = re.compile(r"<h2>(\d+)\.?</h2>")


@register.filter
def richtext(html):
    """Render HTML from a RichTextField (already sanitised on save), giving each
    numbered section heading a stable anchor id."""
    return mark_safe(NUMBERED_HEADING.sub(r'<h2 id="section-\1">\1.</h2>', html))


@register.filter
def isolate(text):
    """A name or title inside a sentence, in its own <bdi>: whatever direction its letters
    have, they cannot reorder the words around it. (Elements of their own get dir="auto".)"""
    return format_html("<bdi>{}</bdi>", text)
