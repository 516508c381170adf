from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from edition.build import publish


class Command(BaseCommand):
    help = (
        "Write the whole public site as a static edition with relative links (README "
        '"Static edition"), to a folder or s3://bucket/prefix, rewriting only changed files.'
    )

    def add_arguments(self, parser):
        parser.add_argument("--dest", default="", help="a folder or s3://bucket/prefix")

    def handle(self, *args, dest, **options):
        changes = publish(dest)
        self.stdout.write(
            _("Static edition published: %(written)d files written, %(deleted)d deleted.")
            % {"written": len(changes.written), "deleted": len(changes.deleted)}
        )
