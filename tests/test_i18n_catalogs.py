"""The shipped catalogs: complete, consistent with their placeholders, and compiled.

The compiled .mo files are committed (a fresh machine needs no GNU gettext); `make
messages` updates and recompiles them after interface strings change.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdg]|\{\{ *(\w+) *\}\}")
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def catalog(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(language):
    po = catalog(language)

    untranslated = [entry.msgid for entry in po if not entry.translated()]

    assert len(po) > 100
    assert untranslated == []
    assert not po.obsolete_entries()


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    for entry in catalog(language):
        wanted = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        for text in translations(entry):
            assert set(PLACEHOLDER.findall(text)) <= wanted, (entry.msgid, text)


def test_belarusian_has_its_plural_forms():
    po = catalog("be")

    assert po.metadata["Plural-Forms"].startswith("nplurals=4;")
    assert all(len(entry.msgstr_plural) == 4 for entry in po if entry.msgid_plural)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_matches_its_source(language):
    source = catalog(language)
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))

    def entries(po):
        return {(e.msgctxt, e.msgid): translations(e) for e in po if e.msgid}

    assert entries(compiled) == entries(source)


# Columnist's Belarusian reads in the classical orthography (taraškievica), as Radio Svaboda
# publishes and as Django's own catalogs are written, so that Django's words and ours make one
# interface. Each pattern is a form the official orthography writes and the classical one does
# not, with an official example it catches and the classical spelling it must let through.
OFFICIAL_ORTHOGRAPHY = {
    r"\bзм[яе]н": ("Змяніць допіс", "Зьмяніць допіс"),  # assimilated softness: зь, сь, ць …
    r"\bзмест": ("да зместу", "да зьместу"),
    r"\bзняць": ("Зняць з публікацыі", "Зьняць з публікацыі"),
    r"\bснеж": ("1 снежня", "1 сьнежня"),
    r"\bпасля\b": ("Пасля тэксту", "Пасьля тэксту"),
    r"\bсвет": ("на ўвесь свет", "на ўвесь сьвет"),
    r"\bспіс": ("спіс допісаў", "сьпіс допісаў"),
    r"\bпацвер": ("Пацвердзіць падпіску", "Пацьвердзіць падпіску"),
    r"\bжыцц": ("жыццё", "жыцьцё"),
    r"асць\b": ("колькасць слоў", "колькасьць слоў"),
    r"\bёсць\b": ("ужо ёсць", "ужо ёсьць"),
    r"айсці\b": ("Увайсці", "Увайсьці"),
    r"\bбяспек": ("Бяспека", "Бясьпека"),
    r"нн[еёіюя]": ("паведамленне", "паведамленьне"),  # -ньне, -ньня, -ньні …
    r"\bсістэм": ("пошукавыя сістэмы", "пошукавыя сыстэмы"),
    r"\bеўр[оа]": ("Еўропа, Еўразвяз", "Эўропа, Эўразьвяз"),
    r"\bкамент": ("каментар", "камэнтар"),
    r"з[’']я": ("з’яўляюцца", "зьяўляюцца"),
    r"\bруская\b": ("Руская", "Расейская"),
}


@pytest.mark.parametrize(("pattern", "example"), OFFICIAL_ORTHOGRAPHY.items())
def test_each_official_form_pattern_catches_its_example_only(pattern, example):
    official, classical = example

    assert re.search(pattern, official, re.IGNORECASE)
    assert not re.search(pattern, classical, re.IGNORECASE)


def test_belarusian_is_in_the_classical_orthography():
    official = [
        (text, pattern)
        for entry in catalog("be")
        for text in translations(entry)
        for pattern in OFFICIAL_ORTHOGRAPHY
        if re.search(pattern, text, re.IGNORECASE)
    ]

    assert official == []
