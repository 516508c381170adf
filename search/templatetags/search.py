from django import template

from search import highlight as highlighting

register = template.Library()


@register.filter
def highlight(text, terms):
    """`{{ post.title|highlight:terms }}`: the text escaped, matches in <mark>."""
    return highlighting.highlight(str(text), terms)


@register.filter
def excerpt(rich_html, terms):
    """`{{ post.body|excerpt:terms }}`: the plain passage around the first match, or ""."""
    return highlighting.excerpt(rich_html, terms)
