"""What the post admin shows beside the fields: the post list's columns (thumbnail, authors,
status, a preview link) and the change form's aids (the edit-conflict heading, house-style
findings, the search-result and link-card preview). Mixed into PostAdmin."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from blog.links import absolute_url, file_url
from blog.richtext import sanitize_html
from editorial import workflow
from editorial.style import check_post
from editorial.times import zone_name
from seo.meta import post_description, post_image, post_title

READ_BODY = "body_as_read"
LIST_COLUMNS = [
    "thumbnail",
    "title",
    "byline_names",
    "stage",
    "updated_at",
    "preview_link",
]


def search_preview(post) -> dict:
    """The post as a search result and a link card will show it (seo.meta's rules)."""
    if post.pk:
        image = post_image(post)
        image_url = image.url if image else ""
    else:
        image_url = file_url(post.image)
    address = absolute_url(post.get_absolute_url()) if post.slug else settings.SITE_URL
    return {
        "title": post_title(post),
        "description": post_description(post),
        "url": address,
        "image": image_url,
        "site_name": settings.SITE_NAME,
    }


class PostDesk:
    @admin.display(description=_("image"))
    def thumbnail(self, post):
        if not post.image:
            return ""
        return format_html('<img src="{}" alt="" loading="lazy">', post.image.url)

    @admin.display(description=_("authors"))
    def byline_names(self, post):
        return ", ".join(author.name for author in post.byline)

    @admin.display(description=_("status"), ordering="status")
    def stage(self, post):
        return workflow.stage_label(post)

    @admin.display(description=_("preview"))
    def preview_link(self, post):
        return format_html(
            '<a href="{}" target="_blank">{}</a>',
            reverse("admin:blog_post_preview", args=[post.pk]),
            _("Preview"),
        )

    def get_fieldsets(self, request, obj=None):
        """Who may only read a post reads its body as the page shows it, not as markup."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        return [
            (
                name,
                {**options, "fields": [READ_BODY if f == "body" else f for f in options["fields"]]},
            )
            for name, options in fieldsets
        ]

    @admin.display(description=_("body"))
    def body_as_read(self, post):
        return mark_safe(sanitize_html(post.body))

    def changelist_view(self, request, extra_context=None):
        """The list's dates are in the site's time zone, which it names."""
        subtitle = gettext("Times in %(zone)s.") % {"zone": zone_name()}
        return super().changelist_view(request, {"subtitle": subtitle, **(extra_context or {})})

    def desk_context(self, context, post):
        """The change form's aids; an edit conflict replaces Django's "Please correct the
        error below." with its own heading."""
        form = context["adminform"].form
        aids = {
            "edit_conflict": form.is_bound and form.has_error(NON_FIELD_ERRORS, "stale"),
            "style_findings": check_post(post) if post.pk else [],
            "search_preview": search_preview(post),
        }
        if aids["edit_conflict"]:
            aids["errors"] = []
        return aids
