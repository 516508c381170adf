"""Text as search compares it: one normal form, plain words, safe queries."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
WORD = re.compile(r"\w+")
UNPRINTABLE = {"Cc", "Cs"}  # control characters (NUL included) and lone surrogates


def fold(text: str) -> str:
    """`text` in the form search compares: NFKC-normalised and case-folded, which (unlike
    SQLite's LIKE and lower()) treats Cyrillic and every other script alike."""
    return unicodedata.normalize("NFKC", text).casefold()


def clean_query(raw: str) -> str:
    """What the reader typed, as it is shown back: printable, one line, not too long."""
    printable = "".join(
        " " if unicodedata.category(char) in UNPRINTABLE else char
        for char in raw[: MAX_QUERY_LENGTH * 2]
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search_terms(query: str) -> list[str]:
    """The distinct words of `query`, folded, at most MAX_TERMS of them."""
    return list(dict.fromkeys(WORD.findall(fold(query))))[:MAX_TERMS]
