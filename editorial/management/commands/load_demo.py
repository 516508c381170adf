from django.core.management.base import BaseCommand

from editorial.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo column (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        post = load_demo()
        self.stdout.write(f"Demo column ready at {post.get_absolute_url()}")
