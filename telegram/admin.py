"""The Telegram admin: channels for editors, and where each post was posted.

The post's own page shows its messages too, through an inline that this app adds to the
registered post admin when it is ready (`show_messages_on_post_pages`): the editorial
admin stays unaware of Telegram, which sits above it.
"""

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from blog.models import Post
from security import admin_options as house

from . import bot_api
from .models import Channel, TelegramMessage
from .tasks import follow


@admin.register(Channel)
class ChannelAdmin(house.ModelAdmin):
    list_display = ["chat", "name", "scope", "is_active", "created_at"]
    list_filter = ["is_active"]
    list_select_related = ["section", "author"]
    search_fields = ["chat", "name"]
    fields = ["chat", "name", "section", "author", "is_active"]
    autocomplete_fields = ["section", "author"]

    @admin.display(description=_("posts"))
    def scope(self, channel):
        return channel.scope

    def changelist_view(self, request, extra_context=None):
        if not bot_api.connected():
            messages.warning(
                request,
                gettext("No bot is connected: set TELEGRAM_BOT_TOKEN, or nothing is posted."),
            )
        return super().changelist_view(request, extra_context)


class ReadOnly:
    """Rows the worker writes: people look, nobody edits."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def message_link(message):
    url = message.public_url
    return format_html('<a href="{}" rel="noopener">{}</a>', url, url) if url else "—"


@admin.register(TelegramMessage)
class TelegramMessageAdmin(ReadOnly, house.ModelAdmin):
    list_display = ["post", "channel", "state", "link", "attempts", "error", "updated_at"]
    list_filter = ["state", "channel"]
    list_select_related = ["post", "channel"]
    search_fields = ["post__title"]
    fields = ["post", "channel", "state", "link", "attempts", "error", "sent_at"]
    fields += ["next_attempt_at", "updated_at"]
    readonly_fields = fields
    actions = ["try_again"]

    @admin.display(description=_("message"))
    def link(self, message):
        return message_link(message)

    @admin.action(description=_("Try the selected messages again"), permissions=["view"])
    def try_again(self, request, queryset):
        for message_pk in queryset.queue():
            follow.enqueue(message_pk)


class TelegramMessageInline(ReadOnly, house.TabularInline):
    model = TelegramMessage
    extra = 0
    verbose_name_plural = _("Posted to Telegram")
    fields = ["channel", "state", "link", "error", "next_attempt_at", "updated_at"]
    readonly_fields = fields

    @admin.display(description=_("message"))
    def link(self, message):
        return message_link(message)


def show_messages_on_post_pages(site=admin.site):
    """Add the messages inline to the post admin (once; apps are ready only once)."""
    post_admin = site.get_model_admin(Post)
    if TelegramMessageInline not in post_admin.inlines:
        post_admin.inlines = [*post_admin.inlines, TelegramMessageInline]
