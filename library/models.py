"""The media library: every image stored once, with the words that go with it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from blog.models import Post
from blog.plaintext import OneLineField
from security.uploads import RandomName, SafeImageField

from .renditions import WEBP, Rendition, delete_renditions, make_renditions, stored_format


def stored_name(address: str) -> str:
    """The name in default_storage that `address` points at, or "" if it points elsewhere.
    A storage serving from this site ("/media/") is matched on the address's path alone,
    so the absolute addresses of feeds and mail are recognised too."""
    base = default_storage.url("x").split("?")[0][:-1]
    if base.startswith("/"):
        address = urlsplit(address).path
    address = address.split("?")[0]
    return address.removeprefix(base) if address.startswith(base) else ""


class Image(models.Model):
    file = SafeImageField(
        _("image"),
        upload_to=RandomName("library/%Y/%m"),
        width_field="width",
        height_field="height",
    )
    alt = OneLineField(
        _("alt text"),
        max_length=300,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    caption = OneLineField(_("caption"), max_length=300, blank=True)
    credit = OneLineField(
        _("credit"), max_length=200, blank=True, help_text=_("Who made the image.")
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    renditions = models.JSONField(_("responsive copies"), editable=False, default=list)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt

    def save(self, *args, **kwargs):
        """Store the file (re-encoded, metadata-free) and, when it is new, its copies: in one
        transaction, so that no row is left without its copies."""
        new_file = bool(self.file) and not self.file._committed
        old_renditions = list(self.renditions) if new_file else []
        with transaction.atomic():
            super().save(*args, **kwargs)
            if new_file:
                self.renditions = make_renditions(self.file.name)
                super().save(update_fields=["renditions"])
        delete_renditions(old_renditions)

    def delete(self, *args, **kwargs):
        renditions, name = self.renditions, self.file.name
        result = super().delete(*args, **kwargs)
        delete_renditions(renditions)
        default_storage.delete(name)
        return result

    def sources(self, image_format: str) -> list[Rendition]:
        """Every copy in `image_format`, narrowest first (the original among them)."""
        copies = [Rendition(**rendition) for rendition in self.renditions]
        if stored_format(self.file.name) == image_format:
            copies.append(Rendition(self.file.name, self.width, image_format))
        return sorted(
            (copy for copy in copies if copy.format == image_format), key=lambda c: c.width
        )

    def srcset(self, image_format: str) -> str:
        return ", ".join(f"{copy.url} {copy.width}w" for copy in self.sources(image_format))

    @property
    def own_format(self) -> str:
        return stored_format(self.file.name)

    @property
    def webp_srcset(self) -> str:
        return self.srcset(WEBP)

    def used_in(self, posts=None):
        """The posts (of `posts`, default all) whose body shows this image (the editor
        inserts the original's address)."""
        posts = Post.objects.all() if posts is None else posts
        return posts.filter(body__contains=self.file.url).order_by("-pk")
