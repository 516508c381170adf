from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FediverseConfig(AppConfig):
    name = "fediverse"
    label = "fediverse"
    verbose_name = _("Fediverse")

    def ready(self):
        from . import receivers  # noqa: F401  (connects its publication receivers)
