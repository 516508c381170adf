"""The post form switches the body editor's image upload on for those who may upload."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.editorial.admin_client import change_url

pytestmark = pytest.mark.django_db


def body_textarea(client, draft):
    return client.get(change_url(draft)).context["adminform"].form["body"]


def test_an_author_gets_the_upload_address_and_the_dialog_words(client, desk, draft):
    client.force_login(desk.owner)

    page = client.get(change_url(draft)).content.decode()
    attributes = body_textarea(client, draft).field.widget.attrs

    assert attributes["data-image-upload"] == reverse("admin:library_image_upload")
    assert json.loads(attributes["data-image-words"])["alt"].startswith("Alt text")
    assert "library/body_images.js" in page


def test_without_the_permission_the_editor_offers_no_upload(client, desk, draft):
    desk.owner.groups.first().permissions.remove(
        Permission.objects.get(codename="add_image", content_type__app_label="library")
    )
    client.force_login(desk.owner)

    assert "data-image-upload" not in body_textarea(client, draft).field.widget.attrs
