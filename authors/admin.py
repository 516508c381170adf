from django.contrib import admin

from .models import Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "email", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "position", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
