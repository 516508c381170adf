from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from blog.models import Post
from editorial.workflow import PUBLISH
from security import admin_options as house

from .export import shown_address, subscribers_csv
from .models import Delivery, Follow, Subscriber
from .models.subscribers import ADDRESS_PERMISSION

RECORDED = ["key", "created_at", "confirmed_at", "confirmation_sent_at"]


def address_column(request) -> str:
    return "address" if request.user.has_perm(ADDRESS_PERMISSION) else "masked_address"


class FollowInline(house.TabularInline):
    model = Follow
    extra = 0
    fields = ["author", "section", "created_at", "confirmed_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["author"]


@admin.register(Subscriber)
class SubscriberAdmin(house.ModelAdmin):
    """Addresses are opened only for users with ADDRESS_PERMISSION; others see a mask, and
    their searches find nothing (a search by address would tell who subscribed)."""

    list_filter = ["status", "follows__author", "follows__section"]
    search_fields = ["email_digest"]  # shows the box; get_search_results matches whole addresses
    inlines = [FollowInline]
    actions = ["export_csv"]
    change_list_template = "admin/newsletter/subscriber/change_list.html"

    def get_list_display(self, request):
        return [address_column(request), "status", "follow_summary", "created_at", "confirmed_at"]

    def get_fields(self, request, obj=None):
        return [address_column(request), "status", *RECORDED]

    def get_readonly_fields(self, request, obj=None):
        return [address_column(request), *RECORDED]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("follows__author", "follows__section")

    def has_add_permission(self, request):
        return False  # readers subscribe themselves, and confirm

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        if not request.user.has_perm(ADDRESS_PERMISSION):
            return queryset.none(), False
        return queryset.with_address(search_term), False

    @admin.display(description=_("email address"))
    def address(self, subscriber):
        return shown_address(subscriber, reveal=True)

    @admin.display(description=_("email address"))
    def masked_address(self, subscriber):
        return shown_address(subscriber, reveal=False)

    @admin.display(description=_("follows"))
    def follow_summary(self, subscriber):
        return "; ".join(str(follow) for follow in subscriber.follows.all())

    @admin.action(description=_("Export selected subscribers as CSV"))
    def export_csv(self, request, queryset):
        return subscribers_csv(queryset, reveal=request.user.has_perm(ADDRESS_PERMISSION))

    def changelist_view(self, request, extra_context=None):
        counts = {
            "author_counts": Follow.objects.counts("author"),
            "section_counts": Follow.objects.counts("section"),
            "blog_count": Follow.objects.confirmed()
            .filter(author=None, section=None, subscriber__status=Subscriber.Status.CONFIRMED)
            .count(),
        }
        return super().changelist_view(request, {**counts, **(extra_context or {})})


@admin.register(Delivery)
class DeliveryAdmin(house.ModelAdmin):
    list_display = [
        "post",
        "subscriber",
        "status",
        "attempts",
        "reason",
        "not_before",
        "updated_at",
        "sent_at",
    ]
    list_filter = ["status", ("post", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["post", "subscriber"]
    search_fields = ["post__title"]
    change_list_template = "admin/newsletter/delivery/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        cancel = self.admin_site.admin_view(require_POST(self.cancel_mailing_view))
        return [
            path("cancel/<int:post_id>/", cancel, name="newsletter_delivery_cancel"),
            *super().get_urls(),
        ]

    def cancel_mailing_view(self, request, post_id):
        """Stop every mail of the post not sent yet (the button on the post's admin page)."""
        if not request.user.has_perm(PUBLISH):
            raise PermissionDenied
        post = get_object_or_404(Post, pk=post_id)
        stopped = post.deliveries.cancel()
        messages.success(
            request,
            ngettext(
                "Mailing of “%(post)s” cancelled: %(count)d mail will not be sent.",
                "Mailing of “%(post)s” cancelled: %(count)d mails will not be sent.",
                stopped,
            )
            % {"post": post, "count": stopped},
        )
        return redirect("admin:blog_post_change", post.pk)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            totals = changelist.queryset.order_by("status").values("status").annotate(n=Count("pk"))
            response.context_data["status_counts"] = [
                (Delivery.Status(row["status"]).label, row["n"]) for row in totals
            ]
        return response
