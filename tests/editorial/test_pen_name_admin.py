"""In the admin, only users allowed to know (the Pen-name keepers, superusers) see or change
who writes under a pen name; everyone else meets the pen name only, wherever the admin
names who did what."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from authors.identity import PERMISSION
from blog.models import Post
from blog.roles import AUTHORS, EDITORS, PEN_NAME_KEEPERS
from tests.editorial.admin_client import change_url, editable_data, form_data, logged_in
from tests.factories import UserFactory
from tests.pen_names import LEGAL_NAME, LOGIN, PEN_NAME, make_pen_name_writer, traces_in

pytestmark = pytest.mark.django_db

AUTHORS_LIST = reverse("admin:authors_author_changelist")


@pytest.fixture
def writer():
    return make_pen_name_writer()


@pytest.fixture
def people():
    """Who looks: an editor, another writer, an editor who keeps pen names, a superuser."""
    return {
        "editor": UserFactory(groups=[EDITORS]),
        "writer": UserFactory(groups=[AUTHORS]),
        "keeper": UserFactory(groups=[EDITORS, PEN_NAME_KEEPERS]),
        "superuser": UserFactory(is_superuser=True),
    }


def author_url(writer):
    return reverse("admin:authors_author_change", args=[writer.author.pk])


def author_form(writer, superuser) -> dict:
    """The pen-name author's unchanged change form, as a superuser sees it."""
    return form_data(logged_in(Client(), superuser).get(author_url(writer)))


def page(client, user, url, **params):
    response = logged_in(client, user).get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def listed(client, viewer, params):
    return list(logged_in(client, viewer).get(AUTHORS_LIST, params).context["cl"].result_list)


def test_only_the_keepers_hold_the_permission_and_superusers_have_it_anyway(people):
    holding = {
        group.name for group in Group.objects.filter(permissions__codename="view_pen_name_identity")
    }

    assert holding == {PEN_NAME_KEEPERS}
    assert [name for name, user in people.items() if user.has_perm(PERMISSION)] == [
        "keeper",
        "superuser",
    ]


def test_an_editor_sees_the_pen_name_but_not_the_login_or_legal_name(client, writer, people):
    response = logged_in(client, people["editor"]).get(author_url(writer))

    form = response.context["adminform"].form
    assert not {"user", "legal_name", "is_pen_name"} & set(form.fields)
    assert PEN_NAME in response.content.decode()
    assert traces_in(response.content.decode()) == []


@pytest.mark.parametrize("role", ["keeper", "superuser"])
def test_who_may_know_sees_the_login_and_legal_name(client, writer, people, role):
    text = page(client, people[role], author_url(writer))

    assert LOGIN in text
    assert LEGAL_NAME in text


def test_an_editor_cannot_change_the_link_legal_name_or_pen_name(client, writer, people):
    data = author_form(writer, people["superuser"])
    intruder = UserFactory()
    data |= {"user": intruder.pk, "legal_name": "Someone Else", "position": "Essayist"}
    del data["is_pen_name"]  # unticked

    response = logged_in(client, people["editor"]).post(author_url(writer), data)

    assert response.status_code == 302
    writer.author.refresh_from_db()
    assert writer.author.position == "Essayist"
    assert (writer.author.user, writer.author.legal_name) == (writer.user, LEGAL_NAME)
    assert writer.author.is_pen_name


def test_a_keeper_may_change_the_link_and_legal_name(client, writer, people):
    data = author_form(writer, people["superuser"]) | {"legal_name": "Realname Changed"}
    del data["user"]  # unlinked

    response = logged_in(client, people["keeper"]).post(author_url(writer), data)

    assert response.status_code == 302
    writer.author.refresh_from_db()
    assert (writer.author.user, writer.author.legal_name) == (None, "Realname Changed")


def test_only_who_may_know_sees_the_identity_in_the_list(client, writer, people):
    listing = page(client, people["editor"], AUTHORS_LIST)
    kept = page(client, people["keeper"], AUTHORS_LIST)

    assert PEN_NAME in listing
    assert traces_in(listing) == []
    assert LOGIN in kept
    assert LEGAL_NAME in kept


@pytest.mark.parametrize("role", ["editor", "writer"])
@pytest.mark.parametrize("query", [LOGIN, "Hiddenov", "realname.hiddenov@example.org"])
def test_searching_the_identity_finds_nothing_without_the_permission(
    client, writer, people, role, query
):
    assert listed(client, people[role], {"q": query}) == []
    assert listed(client, people[role], {"q": PEN_NAME}) == [writer.author]


@pytest.mark.parametrize("query", [LOGIN, "Hiddenov", "realname.hiddenov@example.org"])
def test_a_keeper_finds_the_pen_name_by_the_identity(client, writer, people, query):
    assert listed(client, people["keeper"], {"q": query}) == [writer.author]


@pytest.mark.parametrize("lookup", ["user", "user__isnull", "legal_name__icontains"])
def test_the_list_cannot_be_filtered_by_the_identity_without_the_permission(
    client, writer, people, lookup
):
    value = {"user": writer.user.pk, "user__isnull": "0", "legal_name__icontains": "Hidd"}
    query = {lookup: value[lookup]}

    response = logged_in(client, people["editor"]).get(AUTHORS_LIST, query)

    assert response.status_code == 400
    assert listed(client, people["keeper"], query) == [writer.author]


def test_the_posts_admin_pages_name_the_writer_by_the_pen_name(client, writer, people):
    post = writer.post
    LogEntry.objects.log_actions(writer.user.pk, Post.objects.filter(pk=post.pk), CHANGE)
    first, *_, last = post.history.order_by("history_id")
    recording = [
        change_url(post),  # status history and share links
        reverse("admin:blog_post_versions", args=[post.pk]),
        reverse("admin:blog_post_history", args=[post.pk]),
    ]
    compare = reverse("admin:blog_post_compare", args=[post.pk])
    preview = reverse("admin:blog_post_preview", args=[post.pk])

    texts = {url: page(client, people["editor"], url) for url in [*recording, preview]}
    texts[compare] = page(client, people["editor"], compare, old=first.pk, new=last.pk)

    assert [url for url, text in texts.items() if traces_in(text)] == []
    assert [url for url, text in texts.items() if PEN_NAME not in text] == []
    assert all(LOGIN in page(client, people["keeper"], url) for url in recording)


def test_a_refused_stale_save_names_the_writer_by_the_pen_name(people):
    writer = make_pen_name_writer(status=Post.Status.DRAFT, publish_at=None)
    editor = logged_in(Client(), people["editor"])
    opened = form_data(editor.get(change_url(writer.post)))
    data = editable_data(Client(), writer.post, people["superuser"]) | {"title": "Mine"}
    logged_in(Client(), writer.user).post(change_url(writer.post), data)

    refused = editor.post(change_url(writer.post), opened).content.decode()

    assert f"{PEN_NAME} saved this post at" in refused
    assert traces_in(refused) == []
