"""One thing, one identity: names and addresses that differ only in Unicode composition or
letter case are the same tag, post address or section address."""

import unicodedata

import pytest
from django.urls import reverse

from blog.models import Post, Section, Tag
from tests.editorial.admin_client import form_data
from tests.factories import PostFactory, SectionFactory

pytestmark = pytest.mark.django_db
CAFE_NFC = unicodedata.normalize("NFC", "Café")
CAFE_NFD = unicodedata.normalize("NFD", "Café")


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_a_tag_name_in_nfc_and_nfd_is_one_tag():
    first = PostFactory(tags=[CAFE_NFC])
    second = PostFactory(tags=[CAFE_NFD.upper()])

    assert Tag.objects.count() == 1
    assert first.tags.get() == second.tags.get()
    assert Tag.objects.get().name == CAFE_NFC


def test_a_slug_is_stored_in_lower_case_nfc():
    post = PostFactory(slug=unicodedata.normalize("NFD", "XSS-P-5-Café"))

    assert Post.objects.get(pk=post.pk).slug == "xss-p-5-" + CAFE_NFC.lower()


def test_a_slug_differing_only_in_case_is_refused_with_a_form_error(editor_client):
    SectionFactory(slug="xss-p-5")
    data = form_data(editor_client.get(reverse("admin:blog_section_add")))

    response = editor_client.post(
        reverse("admin:blog_section_add"), data | {"name": "XSS", "slug": "XSS-P-5", "order": 0}
    )

    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert Section.objects.count() == 1


def test_an_address_in_another_case_or_composition_opens_the_same_page(client):
    section = SectionFactory(slug=CAFE_NFC.lower())
    post = PostFactory(slug="xss-p-5", section=section)

    assert client.get("/posts/XSS-P-5/").context["post"] == post
    assert client.get(f"/sections/{CAFE_NFD.upper()}/").status_code == 200
