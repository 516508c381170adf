"""Unicode slugs: Belarusian titles make Belarusian URLs, or Latin ones (SLUG_TRANSLITERATE).

Transliteration: Belarusian (and Russian) Cyrillic in plain Latin letters, for slugs.

The BGN/PCGN romanisation of Belarusian, written in ASCII: г → h, ў → w, х → kh,
ц → ts, ч → ch, ш → sh, ж → zh, ы → y, ю → yu, я → ya; е and ё are ye and yo at the
start of a word and after a vowel, й, ў, ь, ъ or an apostrophe, and e and io after a
consonant. The soft sign and apostrophes are dropped; Russian и, щ, ъ are added.
Characters outside the table pass through unchanged.

    "Святлана Ціханоўская" → "svyatlana tsikhanowskaya"
"""

import unicodedata

from django.conf import settings
from django.utils.text import slugify

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


LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "ж": "zh", "з": "z",
    "і": "i", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "w", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "ь": "", "ъ": "", "э": "e",
    "ю": "yu", "я": "ya", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
IOTATED = {"е": ("ye", "e"), "ё": ("yo", "io")}  # (after a vowel or a break, after a consonant)
OPENING = set("аеёіиоуыэюяйўьъ")


def transliterate(text: str) -> str:
    latin = []
    previous = ""
    for char in text.lower():
        if char in IOTATED:
            opening, after_consonant = IOTATED[char]
            opens = previous in OPENING or not previous.isalpha()
            latin.append(opening if opens else after_consonant)
        else:
            latin.append(LETTERS.get(char, char))
        previous = char
    return "".join(latin)


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
