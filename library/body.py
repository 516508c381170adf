"""The images of a post body: which come from the library, and which do not.

The editor inserts a library image by the address of its original (`<img src>`), which
survives the editor's schema and the sanitiser unchanged; that address is the reference.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings

from .models import Image, stored_name


class _ImageSources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.sources.append(dict(attrs).get("src") or "")


def image_sources(html: str) -> list[str]:
    parser = _ImageSources()
    parser.feed(html or "")
    return parser.sources


def library_images(sources) -> dict[str, Image]:
    """The library images among `sources`, by their storage name (one query, or none)."""
    names = {name for source in sources if (name := stored_name(source))}
    return (
        {image.file.name: image for image in Image.objects.filter(file__in=names)} if names else {}
    )


def foreign_images(html: str) -> list[str]:
    """The body's image addresses that are neither library images nor on a host of
    ALLOWED_EMBED_HOSTS."""
    sources = image_sources(html)
    known = library_images(sources)
    allowed = set(settings.ALLOWED_EMBED_HOSTS)
    return [
        source
        for source in sources
        if stored_name(source) not in known and (urlsplit(source).hostname or "") not in allowed
    ]
