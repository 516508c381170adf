from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedsConfig(AppConfig):
    name = "feeds"
    label = "feeds"
    verbose_name = _("Feeds")

    def ready(self):
        from . import websub  # noqa: F401  (connects its publication receiver)
