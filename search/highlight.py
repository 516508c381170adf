"""Showing readers where their words matched: escaped text with the matches in <mark>."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from blog.plaintext import html_text

EXCERPT_BEFORE = 80
EXCERPT_LENGTH = 240


def matcher(terms: list[str]) -> re.Pattern | None:
    """A pattern finding any of `terms` in any letter case, longest first."""
    if not terms:
        return None
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(f"({alternatives})", re.IGNORECASE)


def highlight(text: str, terms: list[str]) -> SafeString:
    """`text` escaped, every match of a term wrapped in <mark>.

    The text is split around the matches first and each piece escaped on its own, so
    nothing the reader or an author typed is ever output unescaped.
    """
    pattern = matcher(terms)
    if pattern is None:
        return escape(text)
    pieces = pattern.split(text)  # odd positions hold the matches
    return mark_safe(
        "".join(
            f"<mark>{escape(piece)}</mark>" if position % 2 else escape(piece)
            for position, piece in enumerate(pieces)
        )
    )


def excerpt(rich_html: str, terms: list[str]) -> str:
    """The passage of a post body around its first match, or "" when the body has none."""
    pattern = matcher(terms)
    text = html_text(rich_html)
    found = pattern.search(text) if pattern else None
    if found is None:
        return ""
    start = max(0, found.start() - EXCERPT_BEFORE)
    if start:  # begin at a word
        start = text.find(" ", start, found.start()) + 1 or start
    end = start + EXCERPT_LENGTH
    passage = text[start:end].rsplit(" ", 1)[0] if end < len(text) else text[start:]
    return ("… " if start else "") + passage + (" …" if end < len(text) else "")
