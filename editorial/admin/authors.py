from django.contrib import admin
from django.utils.translation import gettext_lazy as _

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
    list_display = ["name", "position", "email", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "position", "email"]
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
