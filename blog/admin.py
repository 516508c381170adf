import taggit.models as taggit_models
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Disclaimer, KeyPoint, Post, PostAuthor, PostRedirect, Section, Tag


class PostAuthorInline(admin.TabularInline):
    model = PostAuthor
    extra = 0
    min_num = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]


class KeyPointInline(admin.TabularInline):
    model = KeyPoint
    extra = 0
    fields = ["text", "position"]


class PostRedirectInline(admin.TabularInline):
    model = PostRedirect
    extra = 0
    fields = ["old_slug"]
    verbose_name_plural = _("old addresses that redirect here")


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "byline_names", "section", "status", "publish_at", "updated_at"]
    list_filter = ["status", "section", "authors", "tags"]
    list_select_related = ["section"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PostAuthorInline, KeyPointInline, PostRedirectInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "section", "lead", "body", "tags"]}),
        (_("Publishing"), {"fields": ["status", "publish_at", "disclaimer"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("credits__author")

    @admin.display(description=_("authors"))
    def byline_names(self, post):
        return ", ".join(author.name for author in post.byline)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "default_disclaimer"]
    list_editable = ["order"]
    list_select_related = ["default_disclaimer"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Disclaimer)
class DisclaimerAdmin(admin.ModelAdmin):
    list_display = ["name", "placement"]
    list_filter = ["placement"]
    search_fields = ["name", "text"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.unregister(taggit_models.Tag)
