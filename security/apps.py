import django.contrib.admin.apps as admin_apps
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    default = True
    name = "security"
    verbose_name = _("Security")

    def ready(self):
        from . import audit  # noqa: F401  (connects the audit-log receivers)


class ColumnistAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the hardened admin site as the default site."""

    default = False
    default_site = "security.admin_site.ColumnistAdminSite"
