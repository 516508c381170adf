"""Versions: every save stores one, with the ordered authors, key points and tags; editors
list them, compare any two and restore one (which is itself a new version)."""

import pytest
from django.urls import reverse

from blog.models import Post, Tag
from tests.editorial.admin_client import change_url, editable_data, logged_in
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited(client, desk):
    """A post saved twice by an editor: with a title for search engines, then with everything
    changed (a save that changes nothing stores no version: tests/feeds/test_feeds_changes.py)."""
    first, second = AuthorFactory(name="Anna First"), AuthorFactory(name="Boris Second")
    post = PostFactory(
        title="First title",
        lead="First lead.",
        body="<p>Old paragraph.</p>",
        authors=[first, second],
        tags=["Belarus"],
        key_points=["Old point"],
    )
    seo_title = editable_data(client, post, desk.superuser) | {"seo_title": "For search"}
    logged_in(client, desk.editor).post(change_url(post), seo_title)
    [kazakhstan] = Tag.objects.resolve(["Kazakhstan"])
    changes = {
        "title": "Second title",
        "lead": "Second lead.",
        "body": "<p>Old paragraph.</p><p>New paragraph.</p>",
        "tags": [kazakhstan.pk],
        "credits-0-position": "1",
        "credits-1-position": "0",
        "key_points-0-text": "New point",
    }
    data = editable_data(client, post, desk.superuser) | changes
    logged_in(client, desk.editor).post(change_url(post), data)
    return post


def versions_of(post):
    return list(post.history.order_by("history_id"))


def test_every_admin_save_stores_a_version_with_its_relations_and_who_saved(desk, edited):
    *_, before, after = versions_of(edited)

    assert (before.title, after.title) == ("First title", "Second title")
    assert after.history_user == desk.editor
    assert before.relations == {
        "authors": [
            {"id": before.relations["authors"][0]["id"], "name": "Anna First"},
            {"id": before.relations["authors"][1]["id"], "name": "Boris Second"},
        ],
        "key_points": ["Old point"],
        "tags": ["Belarus"],
    }
    assert [author["name"] for author in after.relations["authors"]] == [
        "Boris Second",
        "Anna First",
    ]
    assert after.relations["key_points"] == ["New point"]
    assert after.relations["tags"] == ["Kazakhstan"]


def test_editors_see_the_versions_with_who_and_when(client, desk, edited):
    response = logged_in(client, desk.editor).get(
        reverse("admin:blog_post_versions", args=[edited.pk])
    )
    page = response.content.decode()

    assert response.status_code == 200
    assert page.count(desk.editor.username) >= 2
    assert "First title" in page
    assert "Second title" in page


def test_comparing_two_versions_shows_what_changed_in_every_part(client, desk, edited):
    *_, before, after = versions_of(edited)

    response = logged_in(client, desk.editor).get(
        reverse("admin:blog_post_compare", args=[edited.pk]),
        {"old": after.pk, "new": before.pk},
    )
    page = response.content.decode()

    for removed in ["First title", "First lead.", "Old point", "Belarus"]:
        assert f"<del>{removed}</del>" in page
    for added in ["Second title", "Second lead.", "New point", "Kazakhstan", "New paragraph."]:
        assert f"<ins>{added}</ins>" in page
    assert "<div>Old paragraph.</div>" in page


def test_restoring_a_version_brings_back_text_tags_authors_and_key_points(client, desk, edited):
    *_, before, _after = versions_of(edited)
    count = edited.history.count()

    logged_in(client, desk.editor).post(
        reverse("admin:blog_post_restore", args=[edited.pk, before.pk])
    )
    post = Post.objects.get(pk=edited.pk)
    latest = post.history.order_by("-history_id").first()

    assert (post.title, post.lead, post.body) == ("First title", "First lead.", before.body)
    assert [author.name for author in post.byline] == ["Anna First", "Boris Second"]
    assert [point.text for point in post.key_points.all()] == ["Old point"]
    assert [tag.name for tag in post.tags.all()] == ["Belarus"]
    assert post.history.count() == count + 1
    assert latest.history_user == desk.editor
    assert latest.history_change_reason.startswith("Restored the version of")
    assert latest.relations == before.relations


@pytest.mark.parametrize(
    "address", ["admin:blog_post_versions", "admin:blog_post_compare", "admin:blog_post_restore"]
)
def test_writers_cannot_see_compare_or_restore_versions(client, desk, address):
    post = PostFactory(status=Post.Status.DRAFT, publish_at=None, authors=[desk.owner_author])
    version = post.history.get()
    args = [post.pk, version.pk] if address.endswith("restore") else [post.pk]
    client = logged_in(client, desk.owner)

    responses = [client.get(reverse(address, args=args)), client.post(reverse(address, args=args))]

    assert {response.status_code for response in responses} <= {403, 405}


@pytest.mark.parametrize("query", [{}, {"old": "x", "new": "1"}, {"old": "999", "new": "998"}])
def test_comparing_unknown_versions_is_a_not_found(client, desk, query):
    post = PostFactory()

    response = logged_in(client, desk.editor).get(
        reverse("admin:blog_post_compare", args=[post.pk]), query
    )

    assert response.status_code == 404


def test_changing_only_a_key_point_is_a_new_version_and_an_update(client, desk, edited):
    *_, before = versions_of(edited)
    updated_at = Post.objects.get(pk=edited.pk).updated_at
    data = editable_data(client, edited, desk.superuser) | {"key_points-0-text": "Newer point"}

    logged_in(client, desk.editor).post(change_url(edited), data)

    *_, previous, latest = versions_of(edited)
    assert previous == before
    assert previous.relations["key_points"] == ["New point"]
    assert latest.relations["key_points"] == ["Newer point"]
    assert latest.history_user == desk.editor
    assert Post.objects.get(pk=edited.pk).updated_at > updated_at
