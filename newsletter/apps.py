from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Email subscriptions")

    def ready(self):
        from . import checks, receivers  # noqa: F401  (registers checks, connects delivery)
