"""The media library in the admin: search, thumbnails, where each image is used, and the
editor's upload endpoint."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.forms import modelform_factory
from django.http import JsonResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from blog.models import Post
from security import admin_options as house
from security.admin_choices import visible_choices

from .models import Image
from .renditions import WEBP

UploadForm = modelform_factory(Image, fields=["file", "alt", "caption", "credit"])


def thumbnail(image, width=120):
    """The image at `width` CSS pixels, from its narrowest WebP copy."""
    return format_html(
        '<img src="{}" alt="{}" width="{}" loading="lazy" class="library-thumbnail">',
        image.sources(WEBP)[0].url,
        image.alt,
        width,
    )


@admin.register(Image)
class ImageAdmin(house.ModelAdmin):
    list_display = ["preview", "alt", "caption", "credit", "dimensions", "created_at"]
    list_display_links = ["preview", "alt"]
    search_fields = ["alt", "caption", "credit"]
    date_hierarchy = "created_at"
    fields = ["file", "alt", "caption", "credit", "large_preview", "dimensions"]
    readonly_fields = ["large_preview", "dimensions"]

    @admin.display(description=_("image"))
    def preview(self, image):
        return thumbnail(image)

    @admin.display(description=_("preview"))
    def large_preview(self, image):
        return thumbnail(image, width=480) if image.pk else "—"

    @admin.display(description=_("size"))
    def dimensions(self, image):
        return f"{image.width} × {image.height}" if image.pk else "—"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The page lists the posts that show the image, of those the user may see."""
        image = self.get_object(request, object_id)
        posts = visible_choices(self.admin_site, Post, request)
        used_in = {"used_in": list(image.used_in(posts)) if image else []}
        return super().change_view(request, object_id, form_url, used_in | (extra_context or {}))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        upload = self.admin_site.admin_view(require_POST(self.upload_view))
        return [path("upload/", upload, name="library_image_upload"), *super().get_urls()]

    def upload_view(self, request):
        """From the body editor: a file with its alt text and caption becomes a library image;
        answers its id and addresses as JSON, or the form's errors with status 400."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            errors = [message for messages in form.errors.values() for message in messages]
            return JsonResponse({"errors": errors}, status=400)
        image = form.save(commit=False)
        image.uploaded_by = request.user
        image.save()
        return JsonResponse(
            {
                "id": image.pk,
                "url": image.file.url,
                "alt": image.alt,
                "caption": image.caption,
                "width": image.width,
                "height": image.height,
                "srcset": image.srcset(image.own_format),
                "webp_srcset": image.webp_srcset,
            },
            status=201,
        )
