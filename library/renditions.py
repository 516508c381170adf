"""The responsive copies of a library image, made once when it is uploaded.

Each width of RENDITION_WIDTHS narrower than the original is made in WebP and in the
original's format, from the stored (already metadata-free) file; the original itself serves as
the widest copy of its format. They are stored beside it through `default_storage`.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PillowImage

from security.uploads import ENCODER_OPTIONS, pixels_only

RENDITION_WIDTHS = (480, 960, 1600)
WEBP = "WEBP"
SUFFIXES = {".jpg": "JPEG", ".png": "PNG", ".webp": WEBP}
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", WEBP: "image/webp"}


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    format: str

    @property
    def url(self) -> str:
        return default_storage.url(self.name)


def stored_format(name: str) -> str:
    return SUFFIXES[PurePosixPath(name).suffix.lower()]


def make_renditions(name: str) -> list[dict]:
    """Write the copies of the stored image `name`; their descriptions, for the model's JSON."""
    with default_storage.open(name, "rb") as stored, PillowImage.open(stored) as original:
        pixels = pixels_only(original)
    own_format = stored_format(name)
    formats = [WEBP] if own_format == WEBP else [WEBP, own_format]
    widths = [width for width in RENDITION_WIDTHS if width < pixels.width]
    made = []
    for width in [*widths, pixels.width]:
        copy = _resized(pixels, width)
        for image_format in formats:
            if width == pixels.width and image_format == own_format:
                continue
            made.append(_store(copy, name, width, image_format))
    return made


def _resized(pixels, width):
    if width == pixels.width:
        return pixels
    height = max(1, round(pixels.height * width / pixels.width))
    return pixels.resize((width, height), PillowImage.Resampling.LANCZOS)


def _store(copy, name, width, image_format):
    path = PurePosixPath(name)
    extension = ".webp" if image_format == WEBP else path.suffix
    output = BytesIO()
    copy.save(output, format=image_format, **ENCODER_OPTIONS.get(image_format, {}))
    target = f"{path.parent}/{path.stem}-{width}w{extension}"
    stored_name = default_storage.save(target, ContentFile(output.getvalue()))
    return {"name": stored_name, "width": width, "format": image_format}


def delete_renditions(renditions: list[dict]) -> None:
    for rendition in renditions:
        default_storage.delete(rendition["name"])
