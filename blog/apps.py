from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from . import (
            publication,  # noqa: F401  (connects its signal receivers)
            revisions,  # noqa: F401  (copies relations into each version)
        )
        from .search import index  # noqa: F401  (keeps search documents fresh)
        from .slugs import UnicodeSlugConverter

        register_converter(UnicodeSlugConverter, "uslug")
