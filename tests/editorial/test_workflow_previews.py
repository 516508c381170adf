"""Previews from the admin and share-preview links for people without an account."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.previews import create_link
from tests.editorial.admin_client import logged_in, make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(desk):
    return make_draft(desk, title="Not out yet", key_points=["A point readers will see"])


def preview_url(post):
    return reverse("admin:blog_post_preview", args=[post.pk])


def assert_is_a_marked_preview(response, post):
    page = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "no-store" in response["Cache-Control"]
    assert 'class="preview-banner"' in page
    assert f'<h1 class="post__title" lang="{post.language}">{post.title}</h1>' in page
    assert "A point readers will see" in page


@pytest.mark.parametrize("role", ["owner", "editor"])
def test_the_posts_authors_and_editors_preview_it_as_readers_will_see_it(client, desk, draft, role):
    response = logged_in(client, desk.user(role)).get(preview_url(draft))

    assert_is_a_marked_preview(response, draft)


@pytest.mark.parametrize(("role", "status"), [("other", 404), ("anonymous", 302)])
def test_nobody_else_previews_it(client, desk, draft, role, status):
    response = logged_in(client, desk.user(role)).get(preview_url(draft))

    assert response.status_code == status
    assert draft.title not in response.content.decode()


def test_a_share_link_opens_the_draft_without_an_account(client, desk, draft):
    logged_in(client, desk.owner).post(reverse("admin:blog_post_share", args=[draft.pk]))
    link = draft.preview_links.get()
    client.logout()

    response = client.get(reverse("blog:shared_preview", args=[link.token]))

    assert link.created_by == desk.owner
    assert_is_a_marked_preview(response, draft)


def test_the_change_form_lists_share_links_and_revoking_one_closes_it(client, desk, draft):
    link = create_link(draft, desk.owner)
    address = reverse("blog:shared_preview", args=[link.token])
    client = logged_in(client, desk.owner)
    change_page = client.get(reverse("admin:blog_post_change", args=[draft.pk]))

    client.post(reverse("admin:blog_post_revoke_share", args=[draft.pk, link.pk]))
    client.logout()
    response = client.get(address)

    assert address in change_page.content.decode()
    assert response.status_code == 410
    assert draft.title not in response.content.decode()


def test_a_share_link_expires_after_seven_days(client, desk, draft, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    link = create_link(draft, desk.owner)
    address = reverse("blog:shared_preview", args=[link.token])

    time_machine.shift(timedelta(days=6, hours=23))
    assert client.get(address).status_code == 200
    time_machine.shift(timedelta(hours=2))
    assert client.get(address).status_code == 410


@pytest.mark.parametrize("token", ["nonsense", "a" * 300])
def test_a_forged_share_token_opens_nothing(client, draft, token):
    response = client.get(reverse("blog:shared_preview", args=[token]))

    assert response.status_code == 410
    assert draft.title not in response.content.decode()


def test_a_signed_token_for_a_deleted_link_opens_nothing(client, desk, draft):
    link = create_link(draft, desk.editor)
    link.delete()

    assert client.get(reverse("blog:shared_preview", args=[link.token])).status_code == 410
