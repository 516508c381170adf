"""Autosave of the post form: kept on the server without touching the post, offered back
when the form is opened again, restored unsaved, dropped when the form is saved."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from blog.models import Post
from editorial.models import Autosave
from tests.editorial.admin_client import change_url, form_data, logged_in
from tests.factories import SectionFactory

DRAFT = "_autosave_draft"

pytestmark = pytest.mark.django_db

TYPED = {"title": ["Half a headl"], "body": ["<p>I was in the middle of a sent</p>"]}


def as_lists(data):
    return {
        name: [str(item) for item in value] if isinstance(value, list) else [str(value)]
        for name, value in data.items()
    }


def autosave_url(post):
    return reverse("admin:blog_post_autosave", args=[post.pk])


def autosave(client, url, fields=TYPED, **headers):
    body = json.dumps({"fields": fields})
    return client.post(url, body, content_type="application/json", headers=headers)


def test_typing_is_autosaved_without_touching_the_post_or_its_versions(client, desk, draft):
    before = Post.objects.get(pk=draft.pk)
    versions = draft.history.count()

    response = autosave(logged_in(client, desk.owner), autosave_url(draft))

    assert response.status_code == 200
    [kept] = Autosave.objects.all()
    assert (kept.user, kept.post, kept.data) == (desk.owner, draft, TYPED)
    after = Post.objects.get(pk=draft.pk)
    assert (after.title, after.body, after.updated_at) == (
        before.title,
        before.body,
        before.updated_at,
    )
    assert draft.history.count() == versions


def test_each_autosave_replaces_the_last_one(client, desk, draft):
    logged_in(client, desk.owner)
    autosave(client, autosave_url(draft))
    autosave(client, autosave_url(draft), {"title": ["Half a headline"]})

    assert list(Autosave.objects.values_list("data", flat=True)) == [{"title": ["Half a headline"]}]


def test_autosave_needs_the_csrf_token(desk, draft):
    client = Client(enforce_csrf_checks=True)
    page = logged_in(client, desk.owner).get(change_url(draft))

    refused = autosave(client, autosave_url(draft))
    accepted = autosave(client, autosave_url(draft), X_CSRFToken=str(page.context["csrf_token"]))

    assert refused.status_code == 403
    assert accepted.status_code == 200
    assert Autosave.objects.count() == 1


@pytest.mark.parametrize("role", ["other", "anonymous"])
def test_only_who_may_edit_the_post_can_autosave_it(client, desk, draft, role):
    response = autosave(logged_in(client, desk.user(role)), autosave_url(draft))

    assert response.status_code in {302, 404}
    assert not Autosave.objects.exists()


def test_autosave_is_post_only(client, desk, draft):
    assert logged_in(client, desk.owner).get(autosave_url(draft)).status_code == 405


@pytest.mark.parametrize(
    "body", ["not json", '{"fields": {"title": "not a list"}}', '{"fields": [1, 2]}', "[]"]
)
def test_a_malformed_autosave_is_refused(client, desk, draft, body):
    response = logged_in(client, desk.owner).post(
        autosave_url(draft), body, content_type="application/json"
    )

    assert response.status_code == 400
    assert not Autosave.objects.exists()


def test_an_oversized_autosave_is_refused(client, desk, draft, settings):
    settings.AUTOSAVE_MAX_BYTES = 1000

    response = autosave(
        logged_in(client, desk.owner), autosave_url(draft), {"body": ["<p>" + "x" * 2000]}
    )

    assert response.status_code == 413
    assert not Autosave.objects.exists()


def test_only_typed_fields_are_kept(client, desk, draft):
    fields = TYPED | {"csrfmiddlewaretoken": ["t"], "_editor": ["e"], "_save": ["Save"]}

    autosave(logged_in(client, desk.owner), autosave_url(draft), fields)

    assert Autosave.objects.get().data == TYPED


def test_reopening_the_post_offers_the_newer_autosave(client, desk, draft):
    autosave(logged_in(client, desk.owner), autosave_url(draft))

    page = client.get(change_url(draft)).content.decode()

    assert "was autosaved but not saved" in page
    assert 'href="?autosave=restore"' in page


def test_an_autosave_older_than_the_last_save_is_not_offered(client, desk, draft):
    autosave(logged_in(client, desk.owner), autosave_url(draft))
    saved_later = Post.objects.get(pk=draft.pk)
    saved_later.title = "Saved after the autosave"
    saved_later.save()

    assert "was autosaved" not in client.get(change_url(draft)).content.decode()


def test_another_users_autosave_is_not_offered(client, desk, draft):
    autosave(logged_in(client, desk.owner), autosave_url(draft))

    page = logged_in(client, desk.editor).get(change_url(draft))

    assert "was autosaved" not in page.content.decode()


def test_restore_fills_the_form_unsaved_and_saving_it_drops_the_autosave(client, desk, draft):
    autosave(logged_in(client, desk.owner), autosave_url(draft))

    restored = client.get(change_url(draft) + "?autosave=restore")

    form = restored.context["adminform"].form
    assert form["title"].value() == TYPED["title"][0]
    assert form["body"].value() == TYPED["body"][0]
    assert "autosaved while you were typing" in restored.content.decode()
    assert Post.objects.get(pk=draft.pk).title == "Draft title"

    data = form_data(client.get(change_url(draft))) | {k: v[0] for k, v in TYPED.items()}
    assert client.post(change_url(draft), data).status_code == 302
    assert Post.objects.get(pk=draft.pk).title == TYPED["title"][0]
    assert not Autosave.objects.exists()


def test_restored_rich_text_is_sanitised_when_saved(client, desk, draft):
    evil = {"body": ['<p onclick="steal()">Hi<script>steal()</script></p>']}
    autosave(logged_in(client, desk.owner), autosave_url(draft), evil)
    restored = client.get(change_url(draft) + "?autosave=restore")
    assert "<script>steal()" not in restored.content.decode()

    client.post(change_url(draft), form_data(restored))

    body = Post.objects.get(pk=draft.pk).body
    assert "script" not in body
    assert "onclick" not in body


def test_discard_drops_the_autosave(client, desk, draft):
    autosave(logged_in(client, desk.owner), autosave_url(draft))

    response = client.post(reverse("admin:blog_post_discard", args=[draft.pk]))

    assert response.status_code == 302
    assert not Autosave.objects.exists()


def test_the_add_form_is_autosaved_under_its_token_and_offered_back(client, desk):
    page = logged_in(client, desk.owner).get(reverse("admin:blog_post_add"))
    token = page.context["autosave_draft"]
    typed = as_lists(form_data(page)) | TYPED | {"section": [str(SectionFactory().pk)]}
    autosave(client, page.context["autosave_url"], typed)
    assert Autosave.objects.get().draft == token

    offered = client.get(reverse("admin:blog_post_add"))
    assert "was autosaved but not saved" in offered.content.decode()
    restored = client.get(reverse("admin:blog_post_add") + "?autosave=restore")
    assert restored.context["adminform"].form["title"].value() == TYPED["title"][0]
    assert restored.context["autosave_draft"] == token

    saved = client.post(reverse("admin:blog_post_add"), form_data(restored) | {DRAFT: token})
    assert saved.status_code == 302
    assert Post.objects.get().title == TYPED["title"][0]
    assert not Autosave.objects.exists()


def test_the_add_form_autosave_needs_a_token(client, desk):
    response = autosave(logged_in(client, desk.owner), reverse("admin:blog_post_autosave_new"))

    assert response.status_code == 404
    assert not Autosave.objects.exists()
