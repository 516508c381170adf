"""Mail to the desk about a post's moves: who gets which notice, opting out, the actor left
out, the comment, the scheduled time, pen names, and nothing for a refused move."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from blog.links import absolute_url
from editorial.models import NotificationPreference
from tests.editorial.admin_client import change_url, editable_data, logged_in, make_draft
from tests.factories import AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

MINE = "admin:editorial_notificationpreference_mine"


@pytest.fixture
def desk(desk):
    for user in [desk.owner, desk.other, desk.editor, desk.superuser]:
        user.email = f"{user.username}@desk.example"
        user.save()
    return desk


@pytest.fixture
def draft(desk):
    return make_draft(desk, title="Two paths")


@pytest.fixture
def move(client, desk, django_capture_on_commit_callbacks, mailoutbox):
    """Press a transition button as `user`; return the mails it sent, by recipient."""

    def press(user, post, transition, **changes):
        data = editable_data(client, post, desk.superuser) | changes
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            logged_in(client, user).post(change_url(post), data | {"_transition": transition})
        return {mail.to[0]: mail for mail in mailoutbox}

    return press


def test_editors_hear_of_a_post_submitted_for_review(move, desk, draft):
    publisher = UserFactory(email="publisher@desk.example")
    publisher.user_permissions.add(Permission.objects.get(codename="publish_post"))
    UserFactory(groups=["Editors"], email="gone@desk.example", is_active=False)
    UserFactory(groups=["Editors"], email="")

    mails = move(desk.owner, draft, "submit")

    assert sorted(mails) == ["publisher@desk.example", f"{desk.editor.username}@desk.example"]
    mail = mails[f"{desk.editor.username}@desk.example"]
    assert mail.subject == "For review: Two paths"
    assert f"{desk.owner.username} submitted “Two paths” for review." in mail.body
    assert absolute_url(change_url(draft)) in mail.body


def test_the_author_hears_of_a_post_sent_back_with_the_comment(move, desk, draft):
    move(desk.owner, draft, "submit")

    mails = move(desk.editor, draft, "send_back", comment="Cite the poll.")

    assert list(mails) == [desk.owner.email]
    assert mails[desk.owner.email].subject == "Sent back: Two paths"
    assert "Comment:\nCite the poll." in mails[desk.owner.email].body


def test_the_authors_hear_of_a_post_scheduled_with_the_local_time_and_zone(move, desk, draft):
    co_author = UserFactory(groups=["Authors"], email="co@desk.example")
    draft.credits.create(author=AuthorFactory(user=co_author), position=1)
    when = timezone.localtime() + timedelta(days=2)

    day = f"{when:%Y-%m-%d}"
    mails = move(desk.editor, draft, "schedule", publish_at_0=day, publish_at_1="09:30")

    assert sorted(mails) == ["co@desk.example", desk.owner.email]
    body = mails[desk.owner.email].body
    assert mails[desk.owner.email].subject == "Scheduled: Two paths"
    assert "9:30 a.m. (Europe/Minsk)" in body


def test_the_author_hears_of_a_post_published(move, desk, draft):
    mails = move(desk.editor, draft, "publish")

    assert list(mails) == [desk.owner.email]
    assert f"{desk.editor.username} published “Two paths”." in mails[desk.owner.email].body


def test_the_actor_does_not_mail_themselves(move, desk):
    desk.editor_author = AuthorFactory(user=desk.editor)
    post = make_draft(desk, title="Edited by its author")
    post.credits.create(author=desk.editor_author, position=1)

    mails = move(desk.editor, post, "publish")

    assert list(mails) == [desk.owner.email]


def test_each_person_can_turn_the_notices_off(client, move, desk, draft):
    logged_in(client, desk.owner).post(reverse(MINE), {"review_requests": "on"})
    logged_in(client, desk.editor).post(reverse(MINE), {"own_posts": "on"})

    assert move(desk.owner, draft, "submit") == {}
    assert move(desk.editor, draft, "publish") == {}
    assert NotificationPreference.objects.get(user=desk.owner).own_posts is False


def test_my_notifications_shows_and_changes_only_my_own_choices(client, desk):
    NotificationPreference.objects.create(user=desk.editor, review_requests=False)

    page = logged_in(client, desk.owner).get(reverse(MINE)).content.decode()
    logged_in(client, desk.owner).post(reverse(MINE), {})

    assert re.search(r'<input[^>]*name="review_requests"[^>]*checked', page)
    assert NotificationPreference.objects.get(user=desk.owner).review_requests is False
    assert NotificationPreference.objects.get(user=desk.editor).own_posts is True
    assert "My notifications" in logged_in(client, desk.owner).get(reverse("admin:index")).text


def test_a_refused_move_mails_nobody(move, desk, draft):
    move(desk.owner, draft, "submit")

    assert move(desk.editor, draft, "send_back", comment="") == {}
    assert move(desk.editor, draft, "publish", lead="") == {}


def test_a_pen_name_writer_is_mailed_at_their_login_only_and_named_by_the_pen_name(move, desk):
    writer = UserFactory(groups=["Authors"], email="real.person@desk.example")
    pen_name = AuthorFactory(
        user=writer, name="Vox Populi", is_pen_name=True, legal_name="Real Person"
    )
    desk.owner_author = pen_name
    post = make_draft(desk, title="Anonymous view")

    to_editor = move(writer, post, "submit")[desk.editor.email]
    to_writer = move(desk.editor, post, "publish")

    assert "Vox Populi submitted" in to_editor.body
    assert writer.username not in to_editor.body
    assert list(to_writer) == ["real.person@desk.example"]
    assert "Real Person" not in to_writer[writer.email].body
