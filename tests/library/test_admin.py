"""The media library's admin pages: search, thumbnails and "used in"."""

import pytest
from django.urls import reverse

from blog.models import Post
from library.models import Image
from tests.factories import AuthorFactory, PostFactory, UserFactory
from tests.security.images import image_bytes, upload

from .images import library_image

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:library_image_changelist")


def test_the_list_searches_alt_caption_and_credit_and_shows_thumbnails(client, editor_user):
    square = library_image(alt="A square", caption="Independence Square", credit="Hanna K.")
    library_image(alt="A river", caption="The Svislach", credit="Ales M.")
    client.force_login(editor_user)

    for query in ["Independence", "Hanna", "square"]:
        page = client.get(CHANGELIST, {"q": query}).content.decode()
        assert square.sources("WEBP")[0].url in page
        assert "Svislach" not in page


def test_an_image_page_links_the_posts_that_show_it(client, editor_user):
    image = library_image()
    showing = PostFactory(body=f'<figure><img src="{image.file.url}" alt="x"></figure>')
    PostFactory(body="<p>No pictures.</p>", title="Text only")
    client.force_login(editor_user)

    page = client.get(reverse("admin:library_image_change", args=[image.pk])).content.decode()

    assert reverse("admin:blog_post_change", args=[showing.pk]) in page
    assert showing.title in page
    assert "Text only" not in page
    assert list(image.used_in()) == [Post.objects.get(pk=showing.pk)]


def test_an_editor_adds_an_image_through_the_admin_form(client, editor_user):
    client.force_login(editor_user)

    response = client.post(
        reverse("admin:library_image_add"),
        {"file": upload(image_bytes(size=(1000, 500))), "alt": "Rain", "credit": "Me"},
    )

    assert response.status_code == 302
    image = Image.objects.get(alt="Rain")
    assert image.uploaded_by == editor_user
    assert {copy["width"] for copy in image.renditions} == {480, 960, 1000}


def test_a_writer_sees_only_the_posts_they_may_see_among_those_using_an_image(client):
    writer = UserFactory(groups=["Authors"])
    image = library_image()
    figure = f'<figure><img src="{image.file.url}" alt="x"></figure>'
    own = PostFactory(body=figure, title="My own draft", authors=[AuthorFactory(user=writer)])
    PostFactory(body=figure, title="Someone else's draft", status=Post.Status.DRAFT)
    client.force_login(writer)

    page = client.get(reverse("admin:library_image_change", args=[image.pk])).content.decode()

    assert own.title in page
    assert "Someone else" not in page
