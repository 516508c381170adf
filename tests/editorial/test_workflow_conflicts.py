"""No lost work: a save based on an outdated form is refused, and the form keeps every
word the user typed."""

import pytest
from django.test import Client

from tests.editorial.admin_client import TYPED, change_url, editable_data, form_data, logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def refused(client, desk, draft):
    """The writer's save of a form opened before the editor saved the post."""
    opened = form_data(logged_in(client, desk.owner).get(change_url(draft)))
    editor_data = editable_data(Client(), draft, desk.superuser) | {"title": "Editor's title"}
    logged_in(Client(), desk.editor).post(change_url(draft), editor_data)
    return logged_in(client, desk.owner).post(change_url(draft), opened | TYPED)


def test_a_save_over_someone_elses_newer_version_is_refused_naming_them(refused, draft):
    page = refused.content.decode()
    draft.refresh_from_db()

    assert refused.status_code == 200
    assert "Ed Itor saved this post at" in page
    assert "your changes were not saved" in page
    assert draft.title == "Editor's title"
    assert [point.text for point in draft.key_points.all()] == ["First point"]


def test_the_refused_form_still_holds_everything_the_user_typed(refused):
    form = refused.context["adminform"].form
    key_points = refused.context["inline_admin_formsets"][1].formset

    assert form["title"].value() == TYPED["title"]
    assert form["body"].value() == TYPED["body"]
    assert key_points.forms[0]["text"].value() == TYPED["key_points-0-text"]
    assert "A paragraph I spent an hour on." in refused.content.decode()


def test_saving_the_refused_form_again_replaces_the_newer_version_knowingly(
    client, desk, draft, refused
):
    again = form_data(refused)
    response = logged_in(client, desk.owner).post(change_url(draft), again)
    draft.refresh_from_db()

    assert response.status_code == 302
    assert draft.title == TYPED["title"]
    assert [point.text for point in draft.key_points.all()] == [TYPED["key_points-0-text"]]


def test_an_unchanged_version_saves_normally(client, desk, draft):
    data = editable_data(client, draft, desk.superuser) | {"title": "Fine"}

    response = logged_in(client, desk.owner).post(change_url(draft), data)
    draft.refresh_from_db()

    assert response.status_code == 302
    assert draft.title == "Fine"
