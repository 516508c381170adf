"""Unicode slugs: Belarusian titles make Belarusian URLs."""

import unicodedata

from django.conf import settings
from django.utils.text import slugify

from .transliteration import transliterate

# Letters, digits, "-" and "_", and the combining accents of a decomposed (NFD) spelling
# such as macOS may send: "ў" as "у" + U+0306 (the converter composes them).
UNICODE_SLUG_PATTERN = r"[-\w\u0300-\u036f]+"


class UnicodeSlugConverter:
    regex = UNICODE_SLUG_PATTERN

    def to_python(self, value):
        return normal_slug(value)

    def to_url(self, value):
        return value


def unicode_slugify(text: str, max_length: int = 200) -> str:
    """A slug keeping Belarusian letters, or in Latin letters when SLUG_TRANSLITERATE is on."""
    if settings.SLUG_TRANSLITERATE:
        text = transliterate(text)
    return slugify(text, allow_unicode=True)[:max_length].strip("-")


def normal_slug(slug: str) -> str:
    """The one stored form of a slug: lower case, Unicode normal form C."""
    return unicodedata.normalize("NFC", slug.strip().lower())


def normalise_stored_slugs(model):
    """Give every row of `model` its slug's stored form (for data migrations). A row whose
    normal slug is another row's gets the first free "-2", "-3" … suffix instead."""
    taken = set(model.objects.values_list("slug", flat=True))
    for row in model.objects.exclude(slug="").only("pk", "slug").order_by("pk"):
        normal = normal_slug(row.slug)
        if normal == row.slug:
            continue
        taken.discard(row.slug)
        slug, suffix = normal, 1
        while slug in taken:
            suffix += 1
            slug = f"{normal[:190]}-{suffix}"
        taken.add(slug)
        model.objects.filter(pk=row.pk).update(slug=slug)
