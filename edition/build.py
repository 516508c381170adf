"""`publish_static` and the worker's refresh: render the site into a fresh folder, index
it for search, and publish what changed to the destination."""

import logging
import tempfile
from contextlib import contextmanager
from pathlib import Path

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from .destinations import Changes, destination_storage, publish_folder, published_manifest
from .render import render_site
from .search import index_site

logger = logging.getLogger(__name__)


def publish(destination: str = "") -> Changes:
    """Build the whole edition and publish it to `destination` (STATIC_EDITION_DEST)."""
    destination = destination or settings.STATIC_EDITION_DEST
    with failing_destination(destination):
        storage = destination_storage(destination)
        published_manifest(storage)  # a destination that cannot be read fails before the build
    with tempfile.TemporaryDirectory(prefix="edition-") as folder:
        site = render_site(Path(folder))
        if not site.files:
            raise CommandError(_("The site answered no page: nothing was published."))
        if site.missing:
            logger.warning(
                "static edition: links to %s addresses that answer no page: %s",
                len(site.missing),
                ", ".join(sorted(site.missing)[:10]),
            )
        index_site(Path(folder))
        with failing_destination(destination):
            return publish_folder(Path(folder), storage)


@contextmanager
def failing_destination(destination: str):
    """A destination that cannot be written (or reached) as one readable line."""
    try:
        yield
    except (OSError, ValueError, BotoCoreError, ClientError) as error:
        message = _("Cannot publish the static edition to %(destination)s: %(error)s")
        raise CommandError(message % {"destination": destination, "error": error}) from None


def refresh(destination: str = "") -> Changes | None:
    """Publish again where a full build was published before; else do nothing."""
    storage = destination_storage(destination or settings.STATIC_EDITION_DEST, create=False)
    if published_manifest(storage) is None:
        return None
    return publish(destination)
