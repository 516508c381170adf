from django.core.management import call_command
from django.core.management.base import BaseCommand

from blog.models import Post
from search.index import refresh_search_documents


class Command(BaseCommand):
    help = (
        "Build the search documents of posts that have none (for example after a bulk "
        "import); with --all, rebuild every post's document."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Rebuild every document.")

    def handle(self, *args, all=False, **options):
        posts = Post.objects.all() if all else Post.objects.filter(search_document=None)
        post_ids = list(posts.values_list("pk", flat=True))
        refresh_search_documents(post_ids)
        self.stdout.write(f"Search documents rebuilt: {len(post_ids)}.")
        # Documents are written in bulk, which sends no signal the page cache hears.
        call_command("renew_page_cache", stdout=self.stdout)
