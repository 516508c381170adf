"""`manage.py rotate_actor_keys [username ...]`: new keys for these actors (all without a
name); each actor document shows its new key at once, and followers get an `Update`."""

from django.core.management.base import BaseCommand, CommandError

from fediverse.articles import activity
from fediverse.delivery import deliver, follower_inboxes
from fediverse.documents import actor_document
from fediverse.models import Actor


class Command(BaseCommand):
    help = "Give fediverse actors new signing keys and tell their followers."

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="*", help="an author's slug or the site's name")

    def handle(self, *args, usernames, **options):
        actors = [self.named(name) for name in usernames] or list(Actor.objects.all())
        for actor in actors:
            actor.rotate_keys()
            if actor.federated:
                update = activity("Update", actor, actor_document(actor))
                deliver(update, actor, follower_inboxes([actor]))
            self.stdout.write(f"{actor}: new key")

    def named(self, username: str) -> Actor:
        actor = Actor.objects.named(username)
        if actor is None:
            raise CommandError(f"No fediverse actor is called {username!r}.")
        return actor
