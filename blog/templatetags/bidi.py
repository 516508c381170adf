from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def isolate(text):
    """A name or title inside a sentence, in its own <bdi>: whatever direction its letters
    have, they cannot reorder the words around it. (Elements of their own get dir="auto".)"""
    return format_html("<bdi>{}</bdi>", text)
