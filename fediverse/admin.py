from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from security import admin_options as house

from .models import Actor, Delivery


@admin.register(Actor)
class ActorAdmin(house.ModelAdmin):
    """Editors switch federation off (or on) for an author or for the whole site."""

    list_display = ["__str__", "kind", "author", "federated", "follower_count", "key_created_at"]
    list_editable = ["federated"]
    list_filter = ["kind", "federated"]
    fields = ["kind", "author", "federated", "key_created_at", "public_key_pem"]
    readonly_fields = ["kind", "author", "key_created_at", "public_key_pem"]
    search_fields = ["author__name", "author__slug"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("author")
            .annotate(follower_total=Count("followers"))
        )

    @admin.display(description=_("followers"), ordering="follower_total")
    def follower_count(self, actor):
        return actor.follower_total

    def has_add_permission(self, request):
        return False


@admin.register(Delivery)
class DeliveryAdmin(house.ModelAdmin):
    list_display = ["__str__", "sender", "status", "attempts", "reason", "updated_at"]
    list_filter = ["status"]
    list_select_related = ["sender__author"]
    readonly_fields = ["sender", "inbox", "activity", "status", "attempts", "reason"]
    search_fields = ["inbox"]

    def has_add_permission(self, request):
        return False
