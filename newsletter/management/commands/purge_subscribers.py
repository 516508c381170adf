from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsletter.custody import purge
from newsletter.keyring import keys_from_environment


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or ""


class Command(BaseCommand):
    help = (
        "EMERGENCY: destroy every subscriber, follow and delivery, and the subscriber key. "
        "Asks you to type the site's domain; scripts pass it with --confirm-domain."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--confirm-domain",
            metavar="DOMAIN",
            help="the site's domain (the host of SITE_URL), instead of typing it when asked",
        )

    def handle(self, *args, confirm_domain, **options):
        domain = site_domain()
        typed = confirm_domain
        if typed is None:
            typed = input(
                "This destroys every subscriber, follow and delivery, and the subscriber key, "
                f"for good. Type the site's domain ({domain}) to go on: "
            )
        if typed.strip().lower() != domain.lower():
            raise CommandError(f"Nothing was destroyed: “{typed.strip()}” is not {domain}.")
        deleted = purge()
        summary = ", ".join(f"{count} {name}" for name, count in deleted.items())
        self.stdout.write(f"Destroyed {summary}.")
        if keys_from_environment():
            self.stdout.write(
                "The key comes from SUBSCRIBER_KEY: replace it wherever it is kept, with a "
                "new one, and restart: the old key still opens copies made before."
            )
        else:
            self.stdout.write(f"The key file {settings.SUBSCRIBER_KEY_FILE} holds a new key.")
