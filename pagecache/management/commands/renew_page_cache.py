from django.core.management.base import BaseCommand

from pagecache.generation import renew_generation


class Command(BaseCommand):
    help = (
        "Start a new generation, so that every cached page and feed is rendered afresh: after "
        "a bulk change that sent no model signals (bulk_create, SQL), or new templates."
    )

    def handle(self, *args, **options):
        renew_generation()
        self.stdout.write("Cached pages renewed.")
