from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import dumps, export_site


class Command(BaseCommand):
    help = (
        "Write the whole site (posts with their versions, authors, sections, disclaimers, "
        "tags, style rules, corrections, logins, images) to one versioned JSON file."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Where to write the export ('-': stdout).")
        parser.add_argument(
            "--include-subscribers",
            action="store_true",
            help="Also export newsletter subscribers, their follows and deliveries.",
        )

    def handle(self, *args, path, include_subscribers, **options):
        text = dumps(export_site(include_subscribers=include_subscribers))
        if str(path) == "-":
            self.stdout.write(text)
            return
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{path}: cannot be written ({error.strerror}).") from error
        self.stderr.write(f"Exported the site to {path}.")
