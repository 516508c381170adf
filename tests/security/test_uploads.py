import mimetypes
import os
from io import BytesIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image

from authors.models import Author
from blog.models import Post
from tests.factories import PostFactory

from .images import GPS_IFD, SVG, image_bytes, photo_with_location, submit_photo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_image(field_file):
    field_file.open("rb")
    try:
        return Image.open(BytesIO(field_file.read()))
    finally:
        field_file.close()


def test_a_photo_loses_its_exif_and_gps_location_on_upload():
    original = Image.open(BytesIO(photo_with_location()))
    assert original.getexif().get_ifd(GPS_IFD)

    _form, author = submit_photo(photo_with_location())

    stored = stored_image(author.photo)
    assert stored.format == "JPEG"
    assert not stored.getexif()
    assert b"SecretCam" not in Path(author.photo.path).read_bytes()


def test_stored_names_are_random_and_carry_the_real_format():
    png = image_bytes("PNG")

    _form, first = submit_photo(png, name="../../etc/passwd.jpg")
    first.delete()
    _form, second = submit_photo(png, name="../../etc/passwd.jpg")

    for author in [first, second]:
        name = Path(author.photo.name)
        assert name.parent == Path("authors")
        assert len(name.stem) == 32
        assert name.suffix == ".png"
        assert mimetypes.guess_type(name.name)[0] == "image/png"
    assert first.photo.name != second.photo.name


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (SVG, "logo.svg", "SVG included, are not accepted"),
        (b"GIF89a" + b"\x00" * 20, "x.gif", "SVG included, are not accepted"),
        (b"<?php echo 1; ?>", "shell.php.jpg", "SVG included, are not accepted"),
        (image_bytes("PNG")[:60], "broken.png", "damaged"),
        (image_bytes("GIF"), "anim.gif", "SVG included, are not accepted"),
    ],
)
def test_only_whole_jpeg_png_and_webp_images_are_accepted(content, name, message):
    form, author = submit_photo(content, name)

    assert author is None
    assert message in " ".join(form.errors["photo"])
    assert not Author.objects.exists()


def test_a_decompression_bomb_gets_a_clear_error_before_it_is_decoded():
    bomb = image_bytes("PNG", size=(30_000, 30_000), mode="1")
    assert len(bomb) < 1_000_000

    form, author = submit_photo(bomb, "bomb.png")

    assert author is None
    assert "at most 40 megapixels are allowed" in " ".join(form.errors["photo"])


def test_an_image_over_the_pixel_limit_says_its_size(settings):
    settings.IMAGE_UPLOAD_MAX_PIXELS = 100 * 100

    form, _author = submit_photo(image_bytes(size=(200, 100)))

    assert (
        "The image is 200 × 100 pixels; at most 0.01 megapixels are allowed."
        in form.errors["photo"][0]
    )


def test_a_file_over_the_byte_limit_is_refused(settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 1024
    noise = Image.frombytes("RGB", (100, 100), os.urandom(100 * 100 * 3))
    output = BytesIO()
    noise.save(output, format="PNG")

    form, _author = submit_photo(output.getvalue(), "big.png")

    assert "images may be at most 1.0\xa0KB" in form.errors["photo"][0]


def test_orm_saves_are_checked_and_cleaned_too():
    post = PostFactory()
    post.image = ContentFile(photo_with_location(), name="from-a-script.jpeg")
    post.save()
    assert not stored_image(post.image).getexif()
    assert post.image.name.endswith(".jpg")

    post = Post.objects.get(pk=post.pk)
    post.image = ContentFile(SVG, name="evil.svg")
    post.title = "Changed"
    with pytest.raises(ValidationError):
        post.save()
    post.refresh_from_db()
    assert post.title != "Changed"
    assert post.image.name.endswith(".jpg")


def test_orientation_is_applied_before_the_exif_is_dropped():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90° clockwise
    content = image_bytes(size=(64, 48), exif=exif.tobytes())

    _form, author = submit_photo(content)

    assert stored_image(author.photo).size == (48, 64)
