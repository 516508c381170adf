from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from authors.identity import IDENTITY_FIELDS, knows_pen_names
from authors.models import Author
from blog.models import PostAuthor
from editorial.workflow import is_editor, stage_label
from security import admin_options as house


class AuthorPostsInline(house.TabularInline):
    """The author's posts, newest first, each linking to its own admin page."""

    model = PostAuthor
    fk_name = "author"
    fields = ["post", "post_status", "post_publish_at"]
    readonly_fields = fields
    show_change_link = False
    extra = 0
    can_delete = False
    verbose_name = _("post")
    verbose_name_plural = _("posts")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("post").order_by("-post__publish_at")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("status"))
    def post_status(self, credit):
        return stage_label(credit.post)

    @admin.display(description=_("publish at"))
    def post_publish_at(self, credit):
        return credit.post.publish_at


@admin.register(Author)
class AuthorAdmin(house.ModelAdmin):
    list_display = ["name", "position", "email", "is_pen_name", "is_active"]
    list_filter = ["is_active", "is_pen_name"]
    search_fields = ["name", "position", "email"]
    identity_search_fields = [
        "legal_name",
        "user__username",
        "user__first_name",
        "user__last_name",
        "user__email",
    ]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    inlines = [AuthorPostsInline]

    def has_view_permission(self, request, obj=None):
        """Writers may look up every author (to credit co-authors) but open only their own
        profile; editors see everything."""
        allowed = super().has_view_permission(request, obj)
        return allowed and (
            obj is None or is_editor(request.user) or obj.user_id == request.user.pk
        )

    # Who writes under a pen name: only users who may know see or change the link (and legal
    # names); for everyone else the fields are left out of the form, so a POST naming them
    # changes nothing, and the list can be neither searched nor filtered by them.

    def get_list_display(self, request):
        if knows_pen_names(request.user):
            return [*self.list_display, *IDENTITY_FIELDS]
        return self.list_display

    def get_exclude(self, request, obj=None):
        if knows_pen_names(request.user):
            return super().get_exclude(request, obj)
        return IDENTITY_FIELDS if obj and obj.is_pen_name else ["legal_name"]

    def get_readonly_fields(self, request, obj=None):
        if knows_pen_names(request.user):
            return super().get_readonly_fields(request, obj)
        return ["is_pen_name"]

    def get_search_fields(self, request):
        if knows_pen_names(request.user):
            return self.search_fields + self.identity_search_fields
        return self.search_fields

    def lookup_allowed(self, lookup, value, request):
        field = lookup.split("__", 1)[0]
        if field in IDENTITY_FIELDS and not knows_pen_names(request.user):
            return False
        return super().lookup_allowed(lookup, value, request)
