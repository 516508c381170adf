"""Saving a post that another editor deleted keeps the text: the form comes back, unsaved,
and saving it makes a new draft."""

import pytest
from django.test import Client
from django.urls import reverse

from blog.models import Post
from tests.editorial.admin_client import TYPED, change_url, form_data, logged_in

pytestmark = pytest.mark.django_db


def save_after_deletion(client, user, post):
    """`user` opens the post, someone deletes it, `user` saves what they typed."""
    opened = form_data(logged_in(client, user).get(change_url(post)))
    post_url = change_url(post)
    Post.objects.filter(pk=post.pk).delete()
    return client.post(post_url, opened | TYPED)


@pytest.mark.parametrize("role", ["editor", "owner"])
def test_saving_a_deleted_post_shows_the_text_unsaved_with_a_clear_message(
    client, desk, draft, role
):
    response = save_after_deletion(client, desk.user(role), draft)

    assert response.status_code == 200
    assert "no longer exists" in response.content.decode()
    assert "save it to keep it as a new draft" in response.content.decode()
    form = response.context["adminform"].form
    key_points = response.context["inline_admin_formsets"][1].formset
    assert form["title"].value() == TYPED["title"]
    assert form["body"].value() == TYPED["body"]
    assert key_points.forms[0]["text"].value() == TYPED["key_points-0-text"]
    assert response.context["form_url"] == reverse("admin:blog_post_add")
    assert not Post.objects.exists()


@pytest.mark.parametrize("role", ["editor", "owner"])
def test_the_kept_text_saves_as_a_new_draft(client, desk, draft, role):
    shown = save_after_deletion(client, desk.user(role), draft)

    response = client.post(reverse("admin:blog_post_add"), form_data(shown))

    assert response.status_code == 302
    [post] = Post.objects.all()
    assert post.pk != draft.pk
    assert post.status == Post.Status.DRAFT
    assert post.title == TYPED["title"]
    assert post.body == TYPED["body"]
    assert [point.text for point in post.key_points.all()] == [TYPED["key_points-0-text"]]
    assert [author.pk for author in post.byline] == [desk.owner_author.pk]


def test_a_missing_post_is_still_not_found_on_a_plain_visit(client, desk, draft):
    url = change_url(draft)
    draft.delete()

    response = logged_in(client, desk.editor).get(url)

    assert response.status_code == 302
    assert not Post.objects.exists()


def test_a_writer_saving_another_writers_post_learns_nothing_of_it(desk, draft):
    opened = form_data(logged_in(Client(), desk.editor).get(change_url(draft)))

    response = logged_in(Client(), desk.other).post(change_url(draft), opened | TYPED)

    assert "Draft title" not in response.content.decode()
    assert Post.objects.get().title == "Draft title"
