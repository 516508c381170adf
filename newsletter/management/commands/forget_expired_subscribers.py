from django.core.management.base import BaseCommand

from newsletter.retention import forget_expired


class Command(BaseCommand):
    help = (
        "Delete subscribers and follows never confirmed (72 hours on), unlink deliveries "
        "older than 30 days from their subscriber, drop ended rate-limit counters. The "
        "worker does this every minute."
    )

    def handle(self, *args, **options):
        forgotten = forget_expired()
        self.stdout.write(
            f"Deleted {forgotten.subscribers} unconfirmed subscribers and "
            f"{forgotten.follows} unconfirmed follows, unlinked "
            f"{forgotten.deliveries} deliveries, dropped {forgotten.counters} rate counters."
        )
