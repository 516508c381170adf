"""The house bases for every model admin and inline of the project's apps.

Use `ModelAdmin`, `TabularInline` and `StackedInline` from here instead of django.contrib.admin's:
their forms offer only the related objects the user may see (security.admin_choices) and their
searches are capped (security.admin_search).
"""

from django.contrib import admin

from .admin_choices import (
    AutocompleteSelect,
    AutocompleteSelectMultiple,
    KeepsCurrentChoices,
    ReadableMultipleChoiceField,
    visible_choices,
)
from .admin_search import CappedSearch


class ScopedChoices:
    """Relation fields offer what the related model's changelist shows the user."""

    form = KeepsCurrentChoices

    def get_field_queryset(self, db, db_field, request):
        return visible_choices(self.admin_site, db_field.remote_field.model, request).using(db)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget", AutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", ReadableMultipleChoiceField)
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault("widget", AutocompleteSelectMultiple(db_field, self.admin_site))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ModelAdmin(CappedSearch, ScopedChoices, admin.ModelAdmin):
    pass


class TabularInline(ScopedChoices, admin.TabularInline):
    pass


class StackedInline(ScopedChoices, admin.StackedInline):
    pass
