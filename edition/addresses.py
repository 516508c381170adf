"""Where each address of the site lives in the static edition, and how one file links to
another: by a relative path, so that the edition works from any host and any path prefix.

A page at `/posts/x/` is the file `posts/x/index.html`; a feed at `/feed/` is
`feed/index.xml` (`index.json` for JSON Feed), so that any static server sends it with its
type; a query becomes folders (`/?older=123.4` is `older/123.4/index.html`, `/sitemap-posts.xml?p=2`
is `sitemap-posts-p-2.xml`). Links name the file itself, `index.html` included, so that the
edition also reads from a disk (`file://`).
"""

import posixpath
from urllib.parse import parse_qsl, quote, urlsplit

from django.conf import settings

INDEX_FILES = {"html": "index.html", "xml": "index.xml", "json": "index.json"}


def file_kind(content_type: str) -> str:
    """ "html", "xml", "json" or "other", from a response's Content-Type."""
    media_type = content_type.split(";")[0].strip()
    if media_type == "text/html":
        return "html"
    if media_type.endswith(("xml", "+xml")):
        return "xml"
    if media_type.endswith("json"):
        return "json"
    return "other"


def file_for(address: str, kind: str = "html") -> str:
    """The edition's file for a site address (path and query) of a response of `kind`."""
    parts = urlsplit(address)
    path, query = parts.path, parse_qsl(parts.query)
    if not path.endswith("/"):
        stem, dot, suffix = path.lstrip("/").rpartition(".")
        extra = "".join(f"-{quote(key, safe='')}-{quote(value, safe='')}" for key, value in query)
        return f"{stem}{extra}{dot}{suffix}" if dot else path.lstrip("/") + extra
    folders = "".join(f"{quote(key, safe='')}/{quote(value, safe='')}/" for key, value in query)
    return (path + folders).lstrip("/") + INDEX_FILES.get(kind, "index.html")


def relative_link(from_file: str, to_file: str, query: str = "", fragment: str = "") -> str:
    """The link from one file of the edition to another (or to a place in itself)."""
    target = posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")
    return target + query + (f"#{fragment}" if fragment else "")


def site_address(url: str) -> str | None:
    """The path and query of `url` if it is an address on this site (SITE_URL, or a path
    from its root), else None."""
    if url.startswith(settings.SITE_URL + "/") or url == settings.SITE_URL:
        url = url[len(settings.SITE_URL) :] or "/"
    elif not url.startswith("/") or url.startswith("//"):
        return None
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def is_asset(address: str) -> bool:
    """Whether the address is a static or an uploaded file (copied, not rendered)."""
    return address.startswith((settings.STATIC_URL, settings.MEDIA_URL))


def site_host() -> tuple[str, bool]:
    """SITE_URL's host (as requests carry it) and whether it is served over HTTPS."""
    parts = urlsplit(settings.SITE_URL)
    return parts.netloc, parts.scheme == "https"
