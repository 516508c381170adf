"""The table of contents of a column: one entry per numbered section heading.

Each entry links to the heading's anchor (given by the `richtext` filter) and
summarises the section by the first sentence of its first paragraph.
"""

import re
from dataclasses import dataclass

from django.utils.text import Truncator

from blog.plaintext import html_text
from blog.templatetags.richtext import NUMBERED_HEADING

FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
SENTENCE_END = re.compile(r"(?<=[.!?…])\s")
SUMMARY_WORDS = 12


@dataclass(frozen=True)
class TocEntry:
    number: str
    summary: str

    @property
    def anchor(self):
        return f"section-{self.number}"


def table_of_contents(body_html: str) -> list[TocEntry]:
    """The numbered sections of `body_html` (sanitised rich text), in order."""
    parts = NUMBERED_HEADING.split(body_html or "")
    numbers, sections = parts[1::2], parts[2::2]
    return [
        TocEntry(number, summarise(section))
        for number, section in zip(numbers, sections, strict=True)
    ]


def summarise(section_html: str) -> str:
    paragraph = FIRST_PARAGRAPH.search(section_html)
    if paragraph is None:
        return ""
    text = html_text(paragraph.group(1))
    first_sentence = SENTENCE_END.split(text, maxsplit=1)[0]
    return Truncator(first_sentence).words(SUMMARY_WORDS)
