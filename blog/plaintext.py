"""Rich text as plain text: the one HTML-to-text pass, for word counts, search, mail and checks.

One linear scan of the markup (never a parser run until nothing changes): tags that end a
block (paragraph, heading, list item, line break …) become line breaks, other tags vanish,
entities are decoded. Meant for sanitised rich text; anything else still costs one pass.
"""

import html
import re

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
