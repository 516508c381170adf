from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from .slugs import UnicodeSlugConverter

        register_converter(UnicodeSlugConverter, "uslug")
