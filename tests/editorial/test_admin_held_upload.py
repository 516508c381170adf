"""The post's image chosen in a form that failed for another reason is kept: sending the form
again without choosing it saves it."""

import os
from io import BytesIO

import pytest
from PIL import Image

from blog.models import Post
from tests.editorial.admin_client import change_url, form_data, logged_in
from tests.security.images import photo_with_location, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def fail_with_image(client, user, post):
    """`user` sends the post's form with a photo and an empty title (refused)."""
    data = form_data(logged_in(client, user).get(change_url(post)))
    data |= {"title": "", "image": upload(photo_with_location()), "image_alt": "A square"}
    return client.post(change_url(post), data)


def test_the_image_survives_a_validation_error_and_is_saved_without_reselecting(
    client, desk, draft, media_root
):
    refused = fail_with_image(client, desk.owner, draft)

    assert refused.status_code == 200
    assert "title" in refused.context["adminform"].form.errors
    [held] = refused.context["held_uploads"]
    assert held["name"] == "photo.jpg"
    assert f'name="_held_image" value="{held["token"]}"' in refused.content.decode()
    assert "you chose is kept" in refused.content.decode()
    assert not Post.objects.get(pk=draft.pk).image

    again = form_data(refused) | {"title": "Fixed title", "_held_image": held["token"]}
    assert client.post(change_url(draft), again).status_code == 302

    post = Post.objects.get(pk=draft.pk)
    assert post.title == "Fixed title"
    with post.image.open("rb") as stored:
        image = Image.open(BytesIO(stored.read()))
    assert image.size == (64, 48)
    assert not image.getexif()
    assert not list((media_root / "held").iterdir())


def test_a_held_image_is_only_given_back_to_who_chose_it(client, desk, draft):
    token = fail_with_image(client, desk.owner, draft).context["held_uploads"][0]["token"]

    data = form_data(logged_in(client, desk.editor).get(change_url(draft)))
    response = client.post(
        change_url(draft), data | {"image_alt": "A square", "_held_image": token}
    )

    assert response.status_code == 302
    assert not Post.objects.get(pk=draft.pk).image


def test_a_forged_token_brings_nothing(client, desk, draft):
    data = form_data(logged_in(client, desk.owner).get(change_url(draft)))
    response = client.post(change_url(draft), data | {"_held_image": "../../etc/passwd"})

    assert response.status_code == 302
    assert not Post.objects.get(pk=draft.pk).image


def test_an_image_that_was_refused_is_not_held(client, desk, draft):
    data = form_data(logged_in(client, desk.owner).get(change_url(draft)))
    data |= {"image": upload(b"not an image"), "image_alt": "Nothing"}

    refused = client.post(change_url(draft), data)

    assert "image" in refused.context["adminform"].form.errors
    assert refused.context["held_uploads"] == []


def test_held_files_of_abandoned_forms_are_deleted_once_expired(client, desk, draft, media_root):
    fail_with_image(client, desk.owner, draft)
    [abandoned] = (media_root / "held").iterdir()
    day_ago = abandoned.stat().st_mtime - 24 * 60 * 60 - 1
    os.utime(abandoned, (day_ago, day_ago))

    fail_with_image(client, desk.owner, draft)

    [held] = (media_root / "held").iterdir()
    assert held != abandoned
