"""Links in the edition's files: found (to follow them) and rewritten (to relative ones).

In HTML every `href`, `src` and `action` on this site, each address of a `srcset`, and
any attribute or JSON-LD value that is an address on SITE_URL, becomes a link relative to
the file it is in; only `rel=canonical` and `og:url` keep the main address, as they must.
Start tags are rewritten in place and everything else is kept byte for byte. Feeds, sitemaps and
robots.txt keep absolute addresses (README "Static edition"): on SITE_URL, or on
STATIC_EDITION_URL when it is set.
"""

import json
import re
from collections.abc import Callable
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings

from .addresses import relative_link, site_address

LINK_ATTRIBUTES = frozenset({"href", "src", "action"})
SRCSET = "srcset"
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
# A function from a site address (path and query) to its file in the edition, or None
# when the edition has no such file (the link is then left as it is).
FileOf = Callable[[str], str | None]


class _Markup(HTMLParser):
    """The start tags of a document and the JSON-LD in it, with where each starts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.json_ld, self._in_json_ld = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((self.getpos(), self.get_starttag_text(), tag, attrs))
        self._in_json_ld = tag == "script" and ("type", "application/ld+json") in attrs

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append((self.getpos(), data))
            self._in_json_ld = False


def parse(html: str) -> _Markup:
    markup = _Markup()
    markup.feed(html)
    markup.close()
    return markup


def keeps_main_address(tag: str, attrs: dict, name: str) -> bool:
    """`rel=canonical` and `og:url` name the main address wherever the page is read."""
    if tag == "link" and name == "href":
        return "canonical" in (attrs.get("rel") or "").split()
    return tag == "meta" and name == "content" and attrs.get("property") == "og:url"


def srcset_addresses(value: str) -> list[str]:
    """The addresses of a `srcset` ("a.webp 480w, b.webp 960w")."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def _addresses(name: str, value: str | None) -> list[str]:
    if not value:
        return []
    if name == SRCSET:
        return srcset_addresses(value)
    return [value] if name in LINK_ATTRIBUTES else []


def links_in_html(html: str) -> dict[str, set[str]]:
    """The site addresses an HTML page links to or loads, each with the `rel`s it has."""
    found = {}
    for *_, attrs in parse(html).tags:
        rels = set((dict(attrs).get("rel") or "").split())
        for name, value in attrs:
            for address in filter(None, map(site_address, _addresses(name, value))):
                found.setdefault(address, set()).update(rels)
    return found


def links_in_text(text: str) -> set[str]:
    """The addresses on SITE_URL in a feed, sitemap or robots.txt."""
    pattern = re.escape(settings.SITE_URL) + r"(/[^\s\"'<>&\\]*)"
    return {site_address(settings.SITE_URL + path) for path in re.findall(pattern, text)}


class Rewriter:
    """Rewrites the links of the file `own_file` with `file_of` (see FileOf)."""

    def __init__(self, own_file: str, file_of: FileOf):
        self.own_file, self.file_of = own_file, file_of

    def link(self, url: str) -> str | None:
        """The relative link to `url`'s file; an address with a query the edition has no
        file for (a search) goes to its path's file with the query kept."""
        address = site_address(url)
        if address is None:
            return None
        parts = urlsplit(url)
        target, query = self.file_of(address), ""
        if target is None and parts.query:
            target, query = self.file_of(parts.path), f"?{parts.query}"
        if target is None:
            return None
        return relative_link(self.own_file, target, query, parts.fragment)

    def html(self, html: str) -> str:
        markup = parse(html)
        line_starts = _line_starts(html)
        edits = [
            (line_starts[line - 1] + column, len(original), new)
            for (line, column), original, tag, attrs in markup.tags
            if (new := self._start_tag(original, tag, attrs)) is not None
        ]
        edits += [
            (line_starts[line - 1] + column, len(data), new)
            for (line, column), data in markup.json_ld
            if (new := self._json_ld(data)) is not None
        ]
        for start, length, new in sorted(edits, reverse=True):
            html = html[:start] + new + html[start + length :]
        return html

    def _start_tag(self, original: str, tag: str, attrs: list) -> str | None:
        by_name, rewritten, changed = dict(attrs), [], False
        for name, value in attrs:
            new = self._attribute(tag, by_name, name, value)
            changed |= new is not None
            rewritten.append((name, value if new is None else new))
        if not changed:
            return None
        serialised = "".join(
            f" {name}" if value is None else f' {name}="{escape(value)}"'
            for name, value in rewritten
        )
        return f"<{tag}{serialised}{' /' if original.endswith('/>') else ''}>"

    def _attribute(self, tag, attrs, name, value) -> str | None:
        if not value or keeps_main_address(tag, attrs, name):
            return None
        if name == SRCSET:
            return self._srcset(value)
        if name in LINK_ATTRIBUTES or value.startswith(settings.SITE_URL):
            return self.link(value)
        return None

    def _srcset(self, value: str) -> str | None:
        candidates = [candidate.split() for candidate in value.split(",") if candidate.strip()]
        links = [self.link(address) for address, *_ in candidates]
        if not any(links):
            return None
        return ", ".join(
            " ".join([link or address, *descriptor])
            for (address, *descriptor), link in zip(candidates, links, strict=True)
        )

    def _json_ld(self, data: str) -> str | None:
        try:
            document = json.loads(data)
        except ValueError:
            return None
        rewritten = self._json_value(document)
        if rewritten == document:
            return None
        return json.dumps(rewritten, ensure_ascii=False).translate(JSON_ESCAPES)

    def _json_value(self, value):
        if isinstance(value, dict):
            return {key: self._json_value(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._json_value(item) for item in value]
        if isinstance(value, str) and value.startswith(settings.SITE_URL):
            return self.link(value) or value
        return value


def absolute_text(text: str, file_of: FileOf, base: str) -> str:
    """A feed, sitemap or robots.txt with its SITE_URL addresses moved to `base` (the
    edition's public address), each naming its file in the edition."""
    pattern = re.escape(settings.SITE_URL) + r"(/[^\s\"'<>&\\]*)"

    def moved(match):
        address = site_address(settings.SITE_URL + match.group(1))
        target = file_of(address)
        return match.group(0) if target is None else f"{base.rstrip('/')}/{target}"

    return re.sub(pattern, moved, text)


def _line_starts(text: str) -> list[int]:
    """Where each line starts, lines counted as HTMLParser counts them (by "\\n" alone)."""
    return [0, *(match.end() for match in re.finditer("\n", text))]
