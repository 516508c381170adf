"""An admin form saved after the session ended is not lost: the login page says so, and
after logging in again its editor — only they, only there, only soon — gets it back unsaved."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from tests.editorial.admin_client import change_url, form_data, logged_in, messages_of
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password"
TYPED = {"title": "Typed after lunch", "body": "<p>Three hours of writing.</p>"}


@pytest.fixture
def editor():
    return UserFactory(groups=["Editors"])


@pytest.fixture
def post():
    return PostFactory(title="Before", body="<p>Old text.</p>", status=Post.Status.DRAFT)


def end_sessions():
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))


def log_in(client, user, next_url):
    return client.post(
        reverse("admin:login"),
        {"username": user.username, "password": PASSWORD, "next": next_url},
    )


@pytest.fixture
def late_save(client, editor, post):
    """The editor's save of a form opened before their session ended."""
    opened = form_data(logged_in(client, editor).get(change_url(post)))
    end_sessions()
    return client.post(change_url(post), opened | TYPED)


def test_a_save_after_the_session_ended_goes_to_login_saying_the_form_is_kept(
    client, late_save, post
):
    login_page = client.get(late_save.url)

    assert late_save.status_code == 302
    assert late_save.url.startswith(reverse("admin:login"))
    assert "the form comes back with everything you typed" in login_page.content.decode()
    post.refresh_from_db()
    assert post.title == "Before"


def test_after_logging_in_again_the_form_comes_back_unsaved(client, editor, post, late_save):
    assert log_in(client, editor, change_url(post)).url == change_url(post)

    restored = client.get(change_url(post))

    form = restored.context["adminform"].form
    assert form["title"].value() == TYPED["title"]
    assert form["body"].value() == TYPED["body"]
    assert "You were logged out before this form was saved" in restored.content.decode()
    post.refresh_from_db()
    assert post.title == "Before"


def test_the_restored_form_saves_and_comes_back_only_once(client, editor, post, late_save):
    log_in(client, editor, change_url(post))
    restored = client.get(change_url(post))

    response = client.post(change_url(post), form_data(restored))
    post.refresh_from_db()

    assert response.status_code == 302
    assert post.title == TYPED["title"]
    assert post.body == TYPED["body"]
    assert "logged out before" not in client.get(change_url(post)).content.decode()


def test_someone_else_logging_in_next_in_that_browser_does_not_get_it(client, post, late_save):
    stranger = UserFactory(groups=["Editors"])
    log_in(client, stranger, change_url(post))

    page = client.get(change_url(post))

    assert page.context["adminform"].form["title"].value() == "Before"
    assert TYPED["body"] not in page.content.decode()


def test_it_comes_back_only_on_the_same_page(client, editor, post, late_save):
    other = PostFactory(title="Another post")
    log_in(client, editor, change_url(other))

    elsewhere = client.get(change_url(other))

    assert elsewhere.context["adminform"].form["title"].value() == "Another post"
    assert TYPED["title"] in client.get(change_url(post)).content.decode()


def test_it_is_forgotten_after_fifteen_minutes(client, editor, post, late_save, time_machine):
    time_machine.move_to(timezone.now() + timedelta(minutes=16))
    log_in(client, editor, change_url(post))

    page = client.get(change_url(post))

    assert page.context["adminform"].form["title"].value() == "Before"


def test_a_form_without_this_sites_signature_is_not_kept(editor, post):
    client = Client()
    forged = signing.dumps(editor.pk, salt="another salt")
    client.get(reverse("admin:login"))

    client.post(change_url(post), TYPED | {"_editor": forged})
    log_in(client, editor, change_url(post))

    assert TYPED["title"] not in client.get(change_url(post)).content.decode()
    assert not [text for text in messages_of(client.get("/")) if "session had ended" in text]
