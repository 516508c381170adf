"""Search in the static edition: Pagefind's index of the post pages (their article, marked
`data-pagefind-body`), its UI files in `pagefind/`, and the page `search/index.html`."""

import subprocess
import sys
from pathlib import Path

from django.core.management.base import CommandError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.translation import gettext as _

from .addresses import site_host

# Pages the edition writes itself, with no address on the dynamic site: the search page
# (the dynamic one needs the database) and the page nginx answers 404 with.
OWN_PAGES = {"/search/": "edition/search.html", "/404.html": "404.html"}
BUNDLE = "pagefind"
INDEX_TIMEOUT = 600  # seconds: Pagefind indexes some thousands of pages a second


def render_own_page(address: str) -> str:
    host, secure = site_host()
    request = RequestFactory().get(address, HTTP_HOST=host, secure=secure)
    return render_to_string(OWN_PAGES[address], request=request)


def index_site(folder: Path):
    """Run Pagefind over the HTML in `folder`; its bundle lands in `folder/pagefind/`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(folder)]
    command += ["--output-subdir", BUNDLE, "--keep-index-url", "--silent"]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=INDEX_TIMEOUT)
    except (OSError, subprocess.SubprocessError) as error:
        message = _("Pagefind could not index the edition: %(error)s") % {"error": error}
        raise CommandError(message) from None
