import re

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

NUMBERED_HEADING = re.compile(r"<h2>(\d+)\.?</h2>")


@register.filter
def richtext(html):
    """Render HTML from a RichTextField (already sanitised on save), giving each
    numbered section heading a stable anchor id."""
    return mark_safe(NUMBERED_HEADING.sub(r'<h2 id="section-\1">\1.</h2>', html))
