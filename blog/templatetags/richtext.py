import html
import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from blog.plaintext import TAG

register = template.Library()

NUMBERED_HEADING = re.compile(r"<h2>(\d+)\.?</h2>")

# Typography on output: the stored text keeps what was typed.
QUOTES = {"be": ("„", "“"), "ru": ("«", "»"), "uk": ("«", "»"), "en": ("“", "”")}
SPACED_DASH = {"en": " – "}  # elsewhere " — "
OPENING_QUOTE = re.compile(r'(?:(?<=^)|(?<=[\s(\[{\-–—/]))"(?=\S)')
CLOSING_QUOTE = re.compile(r'"')
APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
NUMBER_RANGE = re.compile(r"(?<=\d)-(?=\d)")
SPACED_HYPHEN = re.compile(r" - ")
ADDRESS = re.compile(r"\S*(?:://|www\.|@)\S*")
UNTOUCHED_ELEMENTS = re.compile(r"code|pre|kbd|samp|script|style", re.IGNORECASE)


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


def typeset(text: str, language: str) -> str:
    """`text` with typographic quotes, apostrophes and dashes for `language`; addresses
    (URLs, e-mail) are left as they are."""
    opening, closing = QUOTES.get(language, QUOTES["en"])
    dash = SPACED_DASH.get(language, " — ")

    def plain(part):
        part = NUMBER_RANGE.sub("–", SPACED_HYPHEN.sub(dash, APOSTROPHE.sub("’", part)))
        return CLOSING_QUOTE.sub(closing, OPENING_QUOTE.sub(opening, part))

    pieces, position = [], 0
    for address in ADDRESS.finditer(text):
        pieces += [plain(text[position : address.start()]), address[0]]
        position = address.end()
    return "".join([*pieces, plain(text[position:])])


@register.filter
def typographic(text, language="en"):
    """Plain text (a title, a lead) typeset for `language`, escaped."""
    return conditional_escape(typeset(str(text), language))


@register.filter(is_safe=True)
def typographic_html(markup, language="en"):
    """Sanitised rich text typeset for `language` in its text only: tags, attributes and
    the inside of code elements keep their characters."""
    pieces, position, inside_code = [], 0, 0
    for tag in TAG.finditer(str(markup)):
        text = markup[position : tag.start()]
        pieces += [text if inside_code else _typeset_escaped(text, language), tag[0]]
        if UNTOUCHED_ELEMENTS.fullmatch(tag[2]):
            inside_code = max(0, inside_code + (-1 if tag[1] else 1))
        position = tag.end()
    pieces.append(_typeset_escaped(markup[position:], language))
    return mark_safe("".join(pieces))


def _typeset_escaped(text, language):
    return html.escape(typeset(html.unescape(text), language), quote=False)
