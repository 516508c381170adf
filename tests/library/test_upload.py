"""The editor's upload endpoint and the copies every library image gets."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from PIL import Image as PillowImage

from library.models import Image
from tests.security.images import GPS_IFD, SVG, image_bytes

from .images import library_image, photo_with_location, upload

pytestmark = pytest.mark.django_db
UPLOAD = reverse("admin:library_image_upload")


def big_photo_with_location():
    exif = PillowImage.open(BytesIO(photo_with_location())).getexif()
    return image_bytes(size=(2000, 1200), exif=exif.tobytes())


def post_upload(client, content, **fields):
    data = {"alt": "Protesters on the square", "caption": "Minsk, 2020", **fields}
    return client.post(UPLOAD, {"file": upload(content), **data})


def stored(name):
    with default_storage.open(name, "rb") as file:
        return PillowImage.open(BytesIO(file.read()))


def test_an_author_uploads_a_photo_and_gets_its_id_and_addresses(client, author_user):
    client.force_login(author_user)

    response = post_upload(client, big_photo_with_location())

    assert response.status_code == 201
    image = Image.objects.get(pk=response.json()["id"])
    assert response.json()["url"] == image.file.url
    assert (image.alt, image.caption, image.uploaded_by) == (
        "Protesters on the square",
        "Minsk, 2020",
        author_user,
    )
    assert (image.width, image.height) == (2000, 1200)
    assert "480w" in response.json()["srcset"]
    assert "2000w" in response.json()["webp_srcset"]


def test_copies_come_in_webp_and_the_original_format_never_wider_than_it(client, author_user):
    client.force_login(author_user)

    image = Image.objects.get(pk=post_upload(client, big_photo_with_location()).json()["id"])

    made = {(copy["width"], copy["format"]) for copy in image.renditions}
    assert made == {
        (480, "WEBP"),
        (480, "JPEG"),
        (960, "WEBP"),
        (960, "JPEG"),
        (1600, "WEBP"),
        (1600, "JPEG"),
        (2000, "WEBP"),
    }
    for copy in image.renditions:
        picture = stored(copy["name"])
        assert (picture.format, picture.width) == (copy["format"], copy["width"])


def test_no_copy_nor_the_original_keeps_exif_or_the_location(client, author_user):
    client.force_login(author_user)

    image = Image.objects.get(pk=post_upload(client, big_photo_with_location()).json()["id"])

    for name in [image.file.name, *(copy["name"] for copy in image.renditions)]:
        picture = stored(name)
        assert not picture.getexif()
        assert not picture.getexif().get_ifd(GPS_IFD)
        assert "exif" not in picture.info
        with default_storage.open(name, "rb") as file:
            assert b"SecretCam" not in file.read()


def test_a_small_image_gets_only_a_webp_copy_of_its_own_width():
    image = library_image(size=(300, 200), image_format="PNG")

    assert image.renditions == [
        {"name": image.renditions[0]["name"], "width": 300, "format": "WEBP"}
    ]
    assert image.srcset("PNG") == f"{image.file.url} 300w"


@pytest.mark.parametrize(
    ("content", "fields", "message"),
    [
        (image_bytes(), {"alt": ""}, "This field is required."),
        (SVG, {}, "Upload a JPEG, PNG or WebP image"),
        (b"not an image at all", {}, "Upload a JPEG, PNG or WebP image"),
    ],
)
def test_bad_uploads_are_refused_with_a_readable_error_and_nothing_saved(
    client, author_user, content, fields, message
):
    client.force_login(author_user)

    response = post_upload(client, content, **fields)

    assert response.status_code == 400
    assert any(message in error for error in response.json()["errors"])
    assert not Image.objects.exists()


def test_uploading_needs_the_permission_a_post_and_the_csrf_token(author_user):
    no_role = Client()
    no_role.force_login(type(author_user).objects.create(username="visitor", is_staff=True))
    assert post_upload(no_role, image_bytes()).status_code == 403

    authorised = Client(enforce_csrf_checks=True)
    authorised.force_login(author_user)
    assert post_upload(authorised, image_bytes()).status_code == 403
    assert authorised.get(UPLOAD).status_code == 405
    assert not Image.objects.exists()


def test_deleting_an_image_deletes_its_files():
    image = library_image()
    names = [image.file.name, *(copy["name"] for copy in image.renditions)]

    image.delete()

    assert not any(default_storage.exists(name) for name in names)
