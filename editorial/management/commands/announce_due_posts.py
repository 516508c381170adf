from django.core.management.base import BaseCommand

from editorial.publication import announce_due_posts


class Command(BaseCommand):
    help = "Announce scheduled posts whose time has come (the worker also does this by itself)."

    def handle(self, *args, **options):
        for post in announce_due_posts():
            self.stdout.write(f"Announced “{post.title}” ({post.get_absolute_url()})")
