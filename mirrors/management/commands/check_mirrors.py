from django.core.management.base import BaseCommand

from mirrors.health import check_all


class Command(BaseCommand):
    help = (
        "Fetch each mirror's front page and record whether it is up and current; "
        "mirrors that are down or stale are no longer announced."
    )

    def handle(self, *args, **options):
        mirrors = check_all()
        for mirror in mirrors:
            detail = f" ({mirror.error})" if mirror.error else ""
            self.stdout.write(f"{mirror.url}: {mirror.get_result_display()}{detail}")
        if not mirrors:
            self.stdout.write("No mirrors configured (MIRROR_HOSTS, ONION_HOST).")
