from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from newsletter.custody import CustodyError, rotate
from newsletter.keyring import keys_from_environment


class Command(BaseCommand):
    help = (
        "Re-encrypt every subscriber's address under a new key, in one transaction. With "
        "the key in a file, a new key is made and written there; with SUBSCRIBER_KEY, put "
        "the new key first (SUBSCRIBER_KEY=new,old), restart, run this, then drop the old key."
    )

    def handle(self, *args, **options):
        try:
            rotation = rotate()
        except (CustodyError, ImproperlyConfigured) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Re-encrypted {rotation.resealed} addresses under the new key; forgot "
            f"{rotation.forgotten} unsubscribed addresses' digests."
        )
        if keys_from_environment():
            self.stdout.write(
                "Now remove the old key from SUBSCRIBER_KEY and restart the site and worker."
            )
