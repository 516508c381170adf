"""The house bases for every model admin and inline of the project's apps.

Use `ModelAdmin`, `TabularInline` and `StackedInline` from here instead of django.contrib.admin's:
their forms offer only the related objects the user may see (security.admin_choices) and their
searches are capped (security.admin_search).
"""

from django.contrib import admin

from .admin_choices import KeepsCurrentChoices, visible_choices
from .admin_search import CappedSearch


class ScopedChoices:
    """Relation fields offer what the related model's changelist shows the user."""

    form = KeepsCurrentChoices

    def get_field_queryset(self, db, db_field, request):
        return visible_choices(self.admin_site, db_field.remote_field.model, request).using(db)


class ModelAdmin(CappedSearch, ScopedChoices, admin.ModelAdmin):
    pass


class TabularInline(ScopedChoices, admin.TabularInline):
    pass


class StackedInline(ScopedChoices, admin.StackedInline):
    pass
