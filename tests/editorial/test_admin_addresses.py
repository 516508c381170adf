"""A post's address follows its title until it is first published; after that a new address
keeps the old one as a redirect. "View on site" opens what the post is: its page once readers
can see it, its preview before."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from tests.editorial.admin_client import change_url, editable_data, logged_in, make_draft
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db
VIEW_ON_SITE = re.compile(r'<a href="(?P<href>[^"]+)" class="viewsitelink"')


def retitle(client, desk, post, title, **changes):
    data = editable_data(client, post, desk.superuser) | {"title": title} | changes
    logged_in(client, desk.editor).post(change_url(post), data)
    post.refresh_from_db()
    return post


def test_a_drafts_address_follows_its_title(client, desk):
    draft = make_draft(desk, title="Empty draft to test refusals")

    retitle(client, desk, draft, "Why Belarus and Kazakhstan took different paths")

    assert draft.slug == "why-belarus-and-kazakhstan-took-different-paths"


def test_an_address_typed_by_hand_stays(client, desk):
    draft = make_draft(desk, title="First title", slug="chosen-address")

    retitle(client, desk, draft, "Second title")

    assert draft.slug == "chosen-address"


def test_an_address_taken_by_another_post_is_not_followed(client, desk):
    PostFactory(slug="second-title")
    draft = make_draft(desk, title="First title")

    retitle(client, desk, draft, "Second title")

    assert draft.slug == "first-title"


def test_a_published_posts_address_stays_and_a_new_one_redirects(client, desk):
    post = PostFactory(title="First title", authors=[desk.owner_author])

    retitle(client, desk, post, "Second title")
    assert post.slug == "first-title"
    retitle(client, desk, post, "Second title", slug="second-title")

    assert post.slug == "second-title"
    response = client.get("/posts/first-title/")
    assert (response.status_code, response["Location"]) == (301, "/posts/second-title/")


def test_an_unpublished_posts_address_stays_once_it_was_published(client, desk):
    post = PostFactory(title="First title", authors=[desk.owner_author])
    Post.objects.filter(pk=post.pk).update(status=Post.Status.DRAFT)

    retitle(client, desk, post, "Second title")

    assert post.slug == "first-title"


@pytest.mark.parametrize(
    ("status", "publish_in", "opens"),
    [
        (Post.Status.DRAFT, None, "preview"),
        (Post.Status.REVIEW, None, "preview"),
        (Post.Status.PUBLISHED, timedelta(days=1), "preview"),
        (Post.Status.PUBLISHED, timedelta(days=-1), "page"),
    ],
)
def test_view_on_site_opens_the_page_or_the_preview(client, desk, status, publish_in, opens):
    publish_at = timezone.now() + publish_in if publish_in else None
    post = PostFactory(status=status, publish_at=publish_at, authors=[desk.owner_author])
    editor = logged_in(client, desk.editor)

    page = editor.get(change_url(post)).content.decode()
    view_on_site = editor.get(VIEW_ON_SITE.search(page)["href"], follow=True)

    assert view_on_site.status_code == 200
    preview = reverse("admin:blog_post_preview", args=[post.pk])
    assert (view_on_site.request["PATH_INFO"] == preview) == (opens == "preview")
