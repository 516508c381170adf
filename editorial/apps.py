from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from . import (
            notifications,  # noqa: F401  (mails the desk about each move of a post)
            publication,  # noqa: F401  (announces publications, reports them to the audit log)
            revisions,  # noqa: F401  (copies relations into each version)
        )
