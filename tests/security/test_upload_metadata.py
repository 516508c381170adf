"""No metadata block of an uploaded JPEG, PNG or WebP reaches the stored file: the stored
bytes hold neither the planted text nor the segment or chunk that carried it."""

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from .images import image_bytes, jpeg_markers, png_chunks, submit_photo, webp_chunks

pytestmark = pytest.mark.django_db

SCRIPT = b"<script>window.__xss(7)</script>"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">' + SCRIPT + b"</x:xmpmeta>"
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
JPEG_SEGMENTS_KEPT = {0xD8, 0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDD, 0xDA}  # JFIF header, tables, frame
PNG_CHUNKS_KEPT = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
WEBP_CHUNKS_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png_with_text():
    info = PngInfo()
    info.add_text("Comment", SCRIPT.decode())
    info.add_text("Description", SCRIPT.decode(), zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode(), lang="en", tkey="xmp")
    exif = Image.Exif()
    exif[0x010F] = SCRIPT.decode()
    return image_bytes("PNG", pnginfo=info, exif=exif.tobytes())


def exif_with_script():
    exif = Image.Exif()
    exif[0x010F] = SCRIPT.decode()  # Make
    return exif.tobytes()


def stored_bytes(content, name):
    form, author = submit_photo(content, name)
    assert author is not None, form.errors
    return Path(author.photo.path).read_bytes()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (image_bytes(comment=SCRIPT), "comment.jpg"),
        (image_bytes(xmp=XMP), "xmp.jpg"),
        (image_bytes(exif=exif_with_script(), comment=SCRIPT, xmp=XMP), "all.jpg"),
        (image_bytes(icc_profile=SRGB_PROFILE, comment=SCRIPT), "profile.jpg"),
    ],
)
def test_a_jpeg_keeps_no_comment_app_segment_or_planted_text(content, name):
    assert SCRIPT in content

    stored = stored_bytes(content, name)

    assert SCRIPT not in stored
    assert set(jpeg_markers(stored)) <= JPEG_SEGMENTS_KEPT
    assert 0xFE not in jpeg_markers(stored)


def test_a_png_keeps_no_text_ztxt_itxt_or_exif_chunk():
    content = png_with_text()
    assert {b"tEXt", b"zTXt", b"iTXt", b"eXIf"} <= set(png_chunks(content))

    stored = stored_bytes(content, "text.png")

    assert SCRIPT not in stored
    assert set(png_chunks(stored)) <= PNG_CHUNKS_KEPT


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_a_webp_keeps_no_exif_or_xmp_chunk(mode):
    content = image_bytes("WEBP", mode=mode, exif=exif_with_script(), xmp=XMP)
    assert {b"EXIF", b"XMP "} <= set(webp_chunks(content))

    stored = stored_bytes(content, "photo.webp")

    assert SCRIPT not in stored
    assert set(webp_chunks(stored)) <= WEBP_CHUNKS_KEPT


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_a_colour_profile_is_applied_then_dropped(image_format):
    content = image_bytes(image_format, icc_profile=SRGB_PROFILE)
    assert Image.open(BytesIO(content)).info.get("icc_profile")

    stored = Image.open(BytesIO(stored_bytes(content, f"photo.{image_format.lower()}")))

    assert "icc_profile" not in stored.info
    pixel = stored.getpixel((5, 5))
    assert all(abs(a - b) <= 3 for a, b in zip(pixel, (0x33, 0x66, 0x99), strict=True))


def test_an_unreadable_colour_profile_is_dropped_and_the_image_kept():
    stored = stored_bytes(image_bytes(icc_profile=b"not a profile" * 20), "photo.jpg")

    assert b"not a profile" not in stored
    assert 0xE2 not in jpeg_markers(stored)


def test_a_palette_png_keeps_its_transparency():
    palette = Image.new("P", (8, 8), 1)
    palette.putpalette([0, 0, 0, 255, 0, 0])
    output = BytesIO()
    palette.save(output, format="PNG", transparency=1)

    stored = Image.open(BytesIO(stored_bytes(output.getvalue(), "palette.png")))

    assert stored.convert("RGBA").getpixel((0, 0))[3] == 0
