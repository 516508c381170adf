"""Safe image uploads for every ImageField that readers' pages show (author photos, post images).

A file is accepted only if Pillow recognises it as JPEG, PNG or WebP (so never SVG), within a
byte and a pixel limit — a decompression bomb is refused before it is decoded. Accepted images
are re-encoded from their pixels alone, so no metadata reaches the stored file: no EXIF (GPS
location included), XMP, JPEG comment or APPn segment, PNG text or eXIf chunk, WebP EXIF or XMP
chunk. An embedded colour profile is applied (the pixels are converted to sRGB, which browsers
assume for untagged images) and then dropped too; a profile that cannot be read is ignored.
Files are stored under a random name whose extension matches the real format, so they are
served with the right content type whatever the uploader called them.

An accepted file sent with a form that failed for another reason is held (`hold`), already
re-encoded, under a random name in `HELD_FOLDER`; the form carries a token signed for its
user, and sending the form again without a new file brings the held one back (`release`).
"""

import warnings
from datetime import timedelta
from io import BytesIO
from pathlib import Path
from uuid import uuid4

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

HELD_FOLDER = "held"
HELD_FOR = 24 * 60 * 60  # seconds
HOLD_SALT = "columnist.security.held-upload"
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ENCODER_OPTIONS = {"JPEG": {"quality": 90, "optimize": True}, "PNG": {"optimize": True}}
BOMB = (Image.DecompressionBombError, Image.DecompressionBombWarning)
STORED_MODES = {"1", "L", "LA", "RGB", "RGBA", "I;16", "CMYK"}
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def inspect_image(file) -> str:
    """Return the image format of `file`, or raise a ValidationError saying what is wrong."""
    _check_bytes(file)
    file.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = _open(file)
    _check_pixels(image)
    try:
        image.verify()
    except Exception as error:
        raise ValidationError(
            _("The image is damaged and cannot be read."), code="corrupt"
        ) from error
    finally:
        file.seek(0)
    return image.format


def reencode(file) -> ContentFile:
    """A metadata-free copy of an inspected image, named with its format's extension."""
    image_format = inspect_image(file)
    with Image.open(file) as original:
        image = pixels_only(original)
    output = BytesIO()
    image.save(output, format=image_format, **ENCODER_OPTIONS.get(image_format, {}))
    return ContentFile(output.getvalue(), name=f"image.{EXTENSIONS[image_format]}")


def pixels_only(original) -> Image.Image:
    """The upright, sRGB pixels of `original` in a new image with an empty `info`, so that the
    encoder finds no comment, EXIF, XMP, profile or text to write (Pillow writes a JPEG's
    comment from `info` unasked)."""
    icc_profile = original.info.get("icc_profile")
    image = ImageOps.exif_transpose(original)
    if image.mode not in STORED_MODES or "transparency" in image.info:
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    if icc_profile:
        image = _to_srgb(image, icc_profile)
    if image.mode == "CMYK":
        image = image.convert("RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _to_srgb(image, icc_profile):
    """`image` converted from its embedded profile to sRGB; unchanged if the profile is unreadable
    or does not fit the image."""
    output_mode = "RGBA" if image.mode in {"LA", "RGBA"} else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(icc_profile))
        return ImageCms.profileToProfile(image, source, SRGB, outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _check_bytes(file):
    limit = settings.IMAGE_UPLOAD_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; images may be at most %(limit)s."),
            code="too_many_bytes",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )


def _open(file):
    try:
        return Image.open(file)
    except BOMB as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise _not_an_image() from error


def _check_pixels(image):
    if image.format not in EXTENSIONS:
        raise _not_an_image()
    if image.width * image.height > settings.IMAGE_UPLOAD_MAX_PIXELS:
        raise _too_many_pixels(image)


def _not_an_image():
    return ValidationError(
        _("Upload a JPEG, PNG or WebP image. Other files, SVG included, are not accepted."),
        code="not_an_image",
    )


def _too_many_pixels(image=None):
    limit = settings.IMAGE_UPLOAD_MAX_PIXELS / 1_000_000
    if image is None:
        return ValidationError(
            _("The image has far too many pixels (at most %(limit)g megapixels are allowed)."),
            code="too_many_pixels",
            params={"limit": limit},
        )
    return ValidationError(
        _("The image is %(width)s × %(height)s pixels; at most %(limit)g megapixels are allowed."),
        code="too_many_pixels",
        params={"width": image.width, "height": image.height, "limit": limit},
    )


def validate_image_upload(value):
    """Model-field validator: new (not yet stored) files must pass inspect_image."""
    if value and not getattr(value, "_committed", True):
        inspect_image(value)


@deconstructible
class RandomName:
    """upload_to: `folder` (strftime codes allowed) / a random hex name + the file's extension."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        folder = timezone.now().strftime(self.folder)
        return f"{folder}/{uuid4().hex}{Path(filename).suffix.lower()}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


class ImageUploadFormField(forms.ImageField):
    def to_python(self, data):
        if hasattr(data, "read"):
            inspect_image(data)
        return super().to_python(data)


class SafeImageField(models.ImageField):
    """An ImageField whose new files are inspected and re-encoded before they are stored."""

    default_validators = [validate_image_upload]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            image = reencode(file)
            file.save(image.name, image, save=False)
        return super().pre_save(model_instance, add)


def hold(file, user) -> str:
    """Store an accepted upload of `user`'s failed form; the signed token that names it.
    Held files older than their tokens (forms never sent again) are deleted first."""
    image = reencode(file)
    _discard_expired_held_files()
    stored = default_storage.save(f"{HELD_FOLDER}/{uuid4().hex}{Path(image.name).suffix}", image)
    return signing.dumps({"file": stored, "user": user.pk, "name": file.name}, salt=HOLD_SALT)


def release(token, user) -> SimpleUploadedFile | None:
    """The upload held under `token` for `user`, as if sent again (and no longer held)."""
    try:
        held = signing.loads(token, salt=HOLD_SALT, max_age=HELD_FOR)
    except signing.BadSignature:
        return None
    if held["user"] != user.pk or not default_storage.exists(held["file"]):
        return None
    with default_storage.open(held["file"]) as stored:
        content = stored.read()
    default_storage.delete(held["file"])
    return SimpleUploadedFile(held["name"], content)


def _discard_expired_held_files():
    if not default_storage.exists(HELD_FOLDER):
        return
    expired = timezone.now() - timedelta(seconds=HELD_FOR)
    for name in default_storage.listdir(HELD_FOLDER)[1]:
        path = f"{HELD_FOLDER}/{name}"
        if default_storage.get_modified_time(path) < expired:
            default_storage.delete(path)


class HeldUploadsMixin:
    """For a ModelAdmin: a file accepted in a form that failed for another reason is kept and
    comes back when the form is sent again without a new file. `held_upload_fields` names the
    file fields; the form template renders each of `held_uploads` (field, token, the file's name)
    as a hidden `_held_<field>` input and a note."""

    held_upload_fields = []

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":
            for field in self.held_upload_fields:
                token = request.POST.get(f"_held_{field}", "")
                cleared = request.POST.get(f"{field}-clear")
                wanted = token and field not in request.FILES and not cleared
                if wanted and (held := release(token, request.user)):
                    request.FILES[field] = held
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, *args, **kwargs):
        form = context["adminform"].form
        context["held_uploads"] = [
            {"field": field, "token": hold(file, request.user), "name": file.name}
            for field in self.held_upload_fields
            if request.method == "POST"
            and (file := request.FILES.get(field))
            and field not in form.errors
        ]
        return super().render_change_form(request, context, *args, **kwargs)
