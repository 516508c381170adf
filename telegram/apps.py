from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TelegramConfig(AppConfig):
    name = "telegram"
    verbose_name = _("Telegram")

    def ready(self):
        from . import admin, receivers  # noqa: F401  (connects publication and edits)

        admin.show_messages_on_post_pages()
