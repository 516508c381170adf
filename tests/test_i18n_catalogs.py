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
