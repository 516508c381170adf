"""Mirrors in the admin: editors see each one with its last check; superusers may stop
announcing one (the hosts themselves come from settings, see models.py)."""

from django.contrib import admin

from editorial.workflow import is_editor
from security import admin_options as house

from .models import Mirror


@admin.register(Mirror)
class MirrorAdmin(house.ModelAdmin):
    list_display = ["url", "kind", "listed", "result", "http_status", "checked_at", "error"]
    list_filter = ["kind", "result", "listed"]
    fields = [
        "url",
        "kind",
        "listed",
        "result",
        "http_status",
        "error",
        "checked_at",
        "created_at",
        "updated_at",
    ]
    readonly_fields = [name for name in fields if name != "listed"]

    def has_module_permission(self, request):
        return is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False
