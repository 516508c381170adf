"""The public site rendered through Django into a folder, link by link.

Starting from the front page, robots.txt (which names the sitemaps, which name every post,
author, section and tag) and the edition's own pages, every address on the site that a
page, feed, sitemap or stylesheet links to is rendered by Django's test client — on
SITE_URL's host, in LANGUAGE_CODE, without the page cache, with no cookie — or, for static
and uploaded files, copied. Then every link is rewritten (edition.rewrite) and the forms
that need the app (subscribing, the language switcher) are replaced (edition.forms).
Addresses that only the app can answer are not followed.
"""

from collections import deque
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.conf import settings
from django.test import Client, override_settings
from django.utils import translation

from .addresses import file_for, file_kind, is_asset, site_host
from .assets import asset_bytes, links_in_css
from .forms import without_app_forms
from .rewrite import Rewriter, absolute_text, links_in_html, links_in_text
from .search import BUNDLE, OWN_PAGES, render_own_page

SEEDS = ("/", "/robots.txt", "/sitemap.xml", "/newsletter/", *OWN_PAGES)


def app_only(address: str) -> bool:
    """Addresses only the running app can answer: search queries, language switching,
    the admin, subscription links, previews."""
    prefixes = (f"/{BUNDLE}/", "/i18n/", f"/{settings.ADMIN_URL}", "/newsletter/", "/preview/")
    prefixes += ("/search/",)
    return address.startswith(prefixes) and address not in SEEDS


@dataclass
class RenderedSite:
    folder: Path
    files: dict = field(default_factory=dict)  # address -> (file, kind)
    missing: dict = field(default_factory=dict)  # address -> status, for links to nothing
    previous: dict = field(default_factory=dict)  # address -> the page whose rel=next it is
    same_as: dict = field(default_factory=dict)  # address -> the address of the same page

    def file_of(self, address: str) -> str | None:
        if address.startswith(f"/{BUNDLE}/"):  # written by Pagefind after the pages
            return address.lstrip("/")
        found = self.files.get(self.same_as.get(address, address))
        return found[0] if found else None

    def pages_linked(self, address: str, links: dict) -> set[str]:
        """The addresses a page links to that are not known already. A list's "Newer" link
        (rel=prev, `?newer=`) shows the page whose "Older" link (rel=next) led here: it is
        linked to that page's file rather than written twice."""
        for target, rels in links.items():
            if "next" in rels:
                self.previous.setdefault(target, address)
        previous = self.previous.get(address)
        for target, rels in links.items():
            if "prev" in rels and previous is not None:
                self.same_as[target] = previous
        return set(links) - set(self.same_as)


def render_site(folder: Path, pages=SEEDS, follow_pages: bool = True) -> RenderedSite:
    """The site from `pages` on; without `follow_pages`, those pages and the files they
    load alone (`make bench` serves one page so)."""
    middleware = [name for name in settings.MIDDLEWARE if not name.startswith("pagecache.")]
    with override_settings(MIDDLEWARE=middleware), translation.override(settings.LANGUAGE_CODE):
        site = RenderedSite(folder)
        _crawl(site, _client(), pages, follow_pages)
        _rewrite_links(site)
    return site


def _client():
    """A GET on the site as a reader on SITE_URL would send it."""
    host, secure = site_host()
    return partial(Client(HTTP_HOST=host).get, secure=secure)


def _crawl(site: RenderedSite, get, pages, follow_pages: bool):
    queue, seen = deque(pages), set(pages)
    while queue:
        address = queue.popleft()
        for link in _render(site, get, address) - seen:
            if not app_only(link) and (follow_pages or is_asset(link)):
                seen.add(link)
                queue.append(link)


def _render(site: RenderedSite, get, address: str) -> set[str]:
    """Write the file of `address`; return the addresses it links to."""
    if address in OWN_PAGES:
        content, kind = render_own_page(address).encode(), "html"
    elif is_asset(address):
        content, kind = asset_bytes(address), "other"
    else:
        response = get(address)
        if response.status_code != 200:
            site.missing[address] = response.status_code
            return set()
        content, kind = response.content, file_kind(response.get("Content-Type", ""))
    if content is None:
        site.missing[address] = 404
        return set()
    path = file_for(address, kind)
    site.files[address] = (path, kind)
    target = site.folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return _links(site, address, path, kind, content)


def _links(site: RenderedSite, address: str, path: str, kind: str, content: bytes) -> set[str]:
    if kind == "html":
        return site.pages_linked(address, links_in_html(content.decode()))
    if path.endswith(".css"):
        return links_in_css(address, content.decode())
    if kind in ("xml", "json") or path.endswith(".txt"):
        return links_in_text(content.decode())
    return set()


def _rewrite_links(site: RenderedSite):
    base = settings.STATIC_EDITION_URL
    for path, kind in site.files.values():
        target = site.folder / path
        if kind == "html":
            html = without_app_forms(target.read_text())
            target.write_text(Rewriter(path, site.file_of).html(html))
        elif base and (kind in ("xml", "json") or path.endswith(".txt")):
            target.write_text(absolute_text(target.read_text(), site.file_of, base))
