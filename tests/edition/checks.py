"""Reading a built edition back: its files, the links in its pages, where they lead."""

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"href", "src", "action"}
MAIN_ADDRESS_TAGS = re.compile(
    r'<link rel="canonical" href="[^"]*">|<meta property="og:url" content="[^"]*">'
)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if name in LINK_ATTRIBUTES and value]
        self.links += [
            candidate.split()[0]
            for name, value in attrs
            if name == "srcset" and value
            for candidate in value.split(",")
        ]


def links_of(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.links


def target_of(root: Path, page: Path, link: str) -> Path | None:
    """The file a relative link from `page` names, or None for other sites and mail."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = root / posixpath.normpath(
        posixpath.join(posixpath.dirname(str(page.relative_to(root))), unquote(parts.path))
    )
    return target / "index.html" if target.is_dir() or link.endswith("/") else target


def broken_links(root: Path) -> dict:
    broken = {}
    for page in sorted(root.rglob("*.html")):
        for link in links_of(page.read_text()):
            target = target_of(root, page, link)
            if target is not None and not target.is_file():
                broken.setdefault(str(page.relative_to(root)), []).append(link)
    return broken


def pages_naming(root: Path, address: str) -> list[str]:
    """The HTML files that name `address` other than in rel=canonical and og:url."""
    return [
        str(page.relative_to(root))
        for page in sorted(root.rglob("*.html"))
        if address in MAIN_ADDRESS_TAGS.sub("", page.read_text())
    ]
