from django.core.management.base import BaseCommand, CommandError

from bench.synthetic import seed_posts


class Command(BaseCommand):
    help = (
        "Add N clearly synthetic published posts (with synthetic authors, sections and "
        "tags) for benchmarks and scale tests. Never part of the demo; running it again "
        "adds N more."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many posts to add.")

    def handle(self, *args, count, **options):
        if count < 1:
            raise CommandError("N must be a positive number of posts.")
        self.stdout.write(f"Synthetic posts: {seed_posts(count)}.")
