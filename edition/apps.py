from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditionConfig(AppConfig):
    name = "edition"
    verbose_name = _("Static edition")

    def ready(self):
        from .receivers import connect

        connect()
