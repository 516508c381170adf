import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import dumps, export_site, pending_tasks


class Command(BaseCommand):
    help = (
        "Write the whole site (posts with their versions, authors, sections, disclaimers, "
        "tags, style rules, corrections, logins, images) to one versioned JSON file, "
        "readable by its owner only. Who writes under a pen name is left out unless asked for."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Where to write the export ('-': stdout).")
        parser.add_argument(
            "--include-subscribers",
            action="store_true",
            help="Also export newsletter subscribers, their follows and deliveries.",
        )
        parser.add_argument(
            "--include-pen-name-identities",
            action="store_true",
            help=(
                "Also export who writes under a pen name: the logins linked to pen names, "
                "with their names and addresses, and every author's legal name."
            ),
        )

    def handle(self, *args, path, include_subscribers, include_pen_name_identities, **options):
        self.warn_about_pending_tasks()
        document = export_site(
            include_subscribers=include_subscribers,
            include_pen_name_identities=include_pen_name_identities,
        )
        text = dumps(document)
        if str(path) == "-":
            self.stdout.write(text)
            return
        try:
            write_private(path, text)
        except OSError as error:
            raise CommandError(f"{path}: cannot be written ({error.strerror}).") from error
        self.stderr.write(f"Exported the site to {path}.")

    def warn_about_pending_tasks(self):
        count = pending_tasks()
        if count:
            self.stderr.write(
                f"Warning: {count} queued background task(s) (e.g. confirmation mails) are not "
                "exported; run the worker until its queue is empty, then export again."
            )


def write_private(path: Path, text: str):
    """Write `text` to `path` with mode 0600 (the export holds password hashes): through a
    temporary file in the same folder, so the file appears whole or not at all."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
