"""Unicode slugs: Belarusian titles make Belarusian URLs."""

from django.utils.text import slugify

UNICODE_SLUG_PATTERN = r"[-\w]+"


class UnicodeSlugConverter:
    regex = UNICODE_SLUG_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


def unicode_slugify(text: str, max_length: int = 200) -> str:
    return slugify(text, allow_unicode=True)[:max_length].strip("-")
