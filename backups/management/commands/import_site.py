from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import ArchiveError, import_site, loads


class Command(BaseCommand):
    help = "Restore a file written by export_site into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            count = import_site(loads(read(path)))
        except ArchiveError as error:
            raise CommandError(f"{path}: {error}") from error
        self.stdout.write(f"Restored {count} objects from {path}.")


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise CommandError(f"{path}: no such file.") from error
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{path}: cannot be read as a UTF-8 text file.") from error
