"""Plain text: the one HTML-to-text pass, and the fields that hold plain text.

One linear scan of the markup (never a parser run until nothing changes): tags that end a
block (paragraph, heading, list item, line break …) become line breaks, other tags vanish,
entities are decoded. Meant for sanitised rich text; anything else still costs one pass.

The plain-text fields keep out the characters which cannot belong in them: whatever saves
a title, a name or a plain-text paragraph — an admin form, an import, the ORM — leaves out
control characters (C0, DEL, C1) and bidi controls, which would let a name reorder the text
around it; a one-line field also turns line breaks and tabs into spaces.
What remains is in Unicode normal form C, so that equal text is stored equally.
"""

import html
import re
import unicodedata

from django import forms
from django.db import models

from blog.slugs import normal_slug

# A tag is "<" then a letter, "/", "!" or "?", up to the next ">" — or to the end of the text
# when no ">" follows (a tag left open swallows the rest, as in a browser). The match never
# fails once begun, so each character is read once.
TAG = re.compile(r"<(/?)([a-z][a-z0-9]*|[!?])[^>]*(?:>|\Z)", re.IGNORECASE)
BREAKS = re.compile(r"h[1-6]|p|li|[uo]l|blockquote|figure|figcaption|br|hr|img|div|table|t[rdh]")


def _separator(tag: re.Match) -> str:
    return "\n" if BREAKS.fullmatch(tag[2].lower()) else ""


def html_lines(markup: str) -> list[str]:
    """The text of each block (paragraph, heading, list item …) of `markup`, in order."""
    text = html.unescape(TAG.sub(_separator, markup or ""))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def html_text(markup: str) -> str:
    """The words of `markup` on one line, blocks kept apart by a space."""
    return " ".join(html_lines(markup))


BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
SPACING = re.compile("[ \t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")
UNWANTED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")


def clean_plain_text(text: str) -> str:
    """`text` with its line breaks as "\\n", tabs as spaces, no other control character."""
    lines = LINE_BREAK.sub("\n", text).replace("\t", " ")
    return unicodedata.normalize("NFC", UNWANTED.sub("", lines))


def one_line(text: str) -> str:
    """`text` on one line: a space for each run of spaces, tabs and line breaks."""
    return clean_plain_text(SPACING.sub(" ", text)).strip()


class CleanTextFormField(forms.CharField):
    """A form field whose value is cleaned by `clean_text` before it is validated."""

    def __init__(self, *, clean_text, **kwargs):
        self.clean_text = clean_text
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return self.clean_text(value) if value else value


class CleanTextMixin:
    """Applies `clean_text` whenever the model is saved, and in its admin and model forms."""

    clean_text = staticmethod(clean_plain_text)
    form_class = CleanTextFormField

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = self.clean_text(value)
            setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": self.form_class, "clean_text": self.clean_text, **kwargs}
        )


class OneLineField(CleanTextMixin, models.CharField):
    """A title or a name."""

    clean_text = staticmethod(one_line)


class PlainTextField(CleanTextMixin, models.TextField):
    """Paragraphs of plain text (a lead, a key point, a description)."""


class CleanSlugFormField(CleanTextFormField, forms.SlugField):
    pass


class NormalSlugField(CleanTextMixin, models.SlugField):
    """A slug stored in one form only (lower case, NFC), so two spellings are one address."""

    clean_text = staticmethod(normal_slug)
    form_class = CleanSlugFormField
