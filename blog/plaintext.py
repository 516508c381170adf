"""Stored rich text as plain lines, for comparing and checking words (never for display)."""

import html
import re

BLOCK_END = re.compile(r"</(?:p|h\d|li|blockquote|figcaption)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


def html_lines(markup: str) -> list[str]:
    """The text of each block (paragraph, heading, list item …) of `markup`, in order."""
    text = html.unescape(TAG.sub(" ", BLOCK_END.sub("\n", markup or "")))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
