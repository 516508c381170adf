"""Image files for upload tests, made in memory with Pillow."""

import struct
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from PIL import Image

from authors.models import Author

GPS_IFD = 0x8825
GPS_LATITUDE = 2


def image_bytes(image_format="JPEG", size=(64, 48), mode="RGB", exif=None, **options):
    """An image file; `options` go to Pillow's writer (comment, xmp, icc_profile, pnginfo…)."""
    output = BytesIO()
    image = Image.new(mode, size, "#336699" if mode in {"RGB", "RGBA"} else 0)
    if exif is not None:
        options["exif"] = exif
    image.save(output, format=image_format, **options)
    return output.getvalue()


def photo_with_location():
    """A JPEG whose EXIF says where it was taken (Minsk) and by which camera."""
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif.get_ifd(GPS_IFD)[GPS_LATITUDE] = (53.0, 54.0, 0.0)
    exif.get_ifd(GPS_IFD)[1] = "N"
    return image_bytes(exif=exif.tobytes())


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


AuthorPhotoForm = modelform_factory(Author, fields=["name", "slug", "photo"])


def submit_photo(content, name="photo.jpg"):
    """Upload `content` as a new author's photo; the form and the saved author (or None)."""
    form = AuthorPhotoForm(
        data={"name": "Hanna", "slug": "hanna"}, files={"photo": upload(content, name)}
    )
    return form, (form.save() if form.is_valid() else None)


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss(0)">'
    b'<rect width="10" height="10"/></svg>'
)


def jpeg_markers(data: bytes) -> list[int]:
    """The marker of every JPEG segment before the image data (0xFE comment, 0xE0–0xEF APPn…)."""
    markers, offset = [], 2
    while offset < len(data):
        marker = data[offset + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            return markers
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        offset += 2 + length
    return markers


def png_chunks(data: bytes) -> list[bytes]:
    """The type of every PNG chunk (b"IHDR", b"tEXt", b"eXIf"…): length, type, data, CRC."""
    return _chunk_kinds(
        data, 8, lambda header: struct.unpack(">I4s", header)[::-1], lambda length: 12 + length
    )


def webp_chunks(data: bytes) -> list[bytes]:
    """The fourcc of every chunk inside a WebP's RIFF container (b"VP8 ", b"EXIF", b"XMP "…):
    fourcc, length, data padded to an even size."""
    return _chunk_kinds(
        data,
        12,
        lambda header: struct.unpack("<4sI", header),
        lambda length: 8 + length + (length & 1),
    )


def _chunk_kinds(data, offset, kind_and_length, chunk_size) -> list[bytes]:
    """The kind of every chunk from `offset` on: `kind_and_length` reads a chunk's 8-byte
    header, `chunk_size` gives the whole chunk's size from its data's length."""
    kinds = []
    while offset < len(data):
        kind, length = kind_and_length(data[offset : offset + 8])
        kinds.append(kind)
        offset += chunk_size(length)
    return kinds
