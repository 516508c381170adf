"""The static and uploaded files the edition's pages load, copied as they are."""

import re
from pathlib import Path
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")


def asset_bytes(address: str) -> bytes | None:
    """The content of the static or uploaded file at `address`, or None if there is none."""
    path = unquote(address.split("?")[0])
    if path.startswith(settings.STATIC_URL):
        return _static(path.removeprefix(settings.STATIC_URL))
    name = path.removeprefix(settings.MEDIA_URL)
    if not default_storage.exists(name):
        return None
    with default_storage.open(name) as uploaded:
        return uploaded.read()


def _static(name: str) -> bytes | None:
    """From the app's sources, else from the collected (possibly fingerprinted) files."""
    found = finders.find(name)
    if found:
        return Path(found).read_bytes()
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name) as collected:
            return collected.read()
    return None


def links_in_css(address: str, css: str) -> set[str]:
    """The files a stylesheet loads (fonts, images), as addresses on the site."""
    return {
        urljoin(address, reference)
        for reference in CSS_URL.findall(css)
        if not reference.startswith(("data:", "http:", "https:", "//"))
    }
