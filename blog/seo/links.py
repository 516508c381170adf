"""Absolute addresses, always on SITE_URL: what the site gives out must not depend on the
Host header a request happened to carry."""

from django.conf import settings
from django.utils.encoding import iri_to_uri


def absolute_url(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + iri_to_uri(path)


def file_url(field_file) -> str:
    """The absolute address of an uploaded file, or "" when there is none."""
    return absolute_url(field_file.url) if field_file else ""
