"""The editorial calendar: what each view shows to whom, its filters, and moving a scheduled
post (rescheduling through the workflow's permission checks)."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.models import Post, PostTransition
from editorial.times import local_time
from tests.editorial.admin_client import logged_in, make_draft, messages_of
from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db

CALENDAR = reverse("admin:blog_post_calendar")
RESCHEDULE = reverse("admin:blog_post_reschedule")


def local(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def monday():
    """The Monday of next week, so every post on it is in the future."""
    today = timezone.localdate()
    return today + timedelta(days=7 - today.weekday())


@pytest.fixture
def week(desk, monday):
    """One post of each kind in next week; the scheduled one by another writer."""
    other = AuthorFactory(name="Other Writer")
    return {
        "draft": make_draft(desk, title="Due draft", due_at=local(monday)),
        "undated": make_draft(desk, title="Undated draft"),
        "review": PostFactory(
            title="Reviewed post",
            authors=[desk.owner_author],
            status=Post.Status.REVIEW,
            publish_at=None,
            due_at=local(monday, 12),
        ),
        "scheduled": PostFactory(
            title="Scheduled post", authors=[other], publish_at=local(monday + timedelta(days=2))
        ),
        "later": PostFactory(title="Next month post", publish_at=local(monday + timedelta(40))),
    }


def calendar_page(client, user, **query):
    return logged_in(client, user).get(CALENDAR, query)


def test_an_editor_sees_the_weeks_drafts_reviews_and_scheduled_posts(client, desk, week, monday):
    page = calendar_page(client, desk.editor, day=monday.isoformat()).content.decode()

    for title in ["Due draft", "Reviewed post", "Scheduled post"]:
        assert title in page
    assert "Undated draft" not in page
    assert "Next month post" not in page
    assert '<span class="calendar-stage">Scheduled</span>' in page
    assert '<span class="calendar-stage">In review</span>' in page
    assert "Europe/Minsk" in page


def test_the_month_view_shows_the_whole_month(client, desk):
    first = (timezone.localdate() + timedelta(days=62)).replace(day=1)
    PostFactory(title="Mid-month post", publish_at=local(first + timedelta(days=14)))
    PostFactory(title="Following month post", publish_at=local(first + timedelta(days=45)))

    month = calendar_page(client, desk.editor, view="month", day=first.isoformat()).text
    week = calendar_page(client, desk.editor, day=first.isoformat()).text

    assert "Mid-month post" in month
    assert "Following month post" not in month
    assert "Mid-month post" not in week


def test_a_writer_sees_only_their_own_posts_and_cannot_move_any(client, desk, week, monday):
    week["scheduled"].credits.create(author=desk.other.author_profile, position=1)

    mine = calendar_page(client, desk.owner, day=monday.isoformat()).text
    theirs = calendar_page(client, desk.other, day=monday.isoformat()).text

    assert "Due draft" in mine
    assert "Scheduled post" not in mine
    assert "Scheduled post" in theirs
    assert "Due draft" not in theirs
    assert 'draggable="true"' not in theirs
    assert RESCHEDULE not in theirs


def test_the_calendar_filters_by_section_and_author(client, desk, week, monday):
    section = SectionFactory(name="Culture")
    week["draft"].section = section
    week["draft"].save()
    day = monday.isoformat()

    by_section = calendar_page(client, desk.editor, day=day, section=section.pk).text
    by_author = calendar_page(client, desk.editor, day=day, author=desk.owner_author.pk).text

    assert "Due draft" in by_section
    assert "Reviewed post" not in by_section
    assert "Reviewed post" in by_author
    assert "Scheduled post" not in by_author


def test_bad_filters_get_a_form_error_not_a_500(client, desk, week):
    response = calendar_page(client, desk.editor, day="someday", section="x", view="year")

    assert response.status_code == 200
    assert "Enter a valid date." in response.text


def test_an_editor_moves_a_scheduled_post(client, desk, week, monday):
    post = week["scheduled"]
    target = monday + timedelta(days=4)

    response = logged_in(client, desk.editor).post(
        RESCHEDULE, {"post": post.pk, "publish_at": f"{target}T16:45"}, follow=True
    )

    post.refresh_from_db()
    assert post.publish_at == local(target, 16) + timedelta(minutes=45)
    assert any("is now scheduled for" in text for text in messages_of(response))
    move = PostTransition.objects.get(post=post)
    assert (move.user, move.scheduled_for) == (desk.editor, post.publish_at)


def test_the_authors_hear_of_the_new_time(
    client, desk, monday, django_capture_on_commit_callbacks, mailoutbox
):
    desk.owner.email = "olga@desk.example"
    desk.owner.save()
    post = PostFactory(title="Moved column", authors=[desk.owner_author], publish_at=local(monday))

    with django_capture_on_commit_callbacks(execute=True):
        logged_in(client, desk.editor).post(
            RESCHEDULE, {"post": post.pk, "publish_at": f"{monday}T18:00"}
        )

    [mail] = mailoutbox
    assert (mail.to, mail.subject) == (["olga@desk.example"], "Scheduled: Moved column")
    assert "for " + local_time(local(monday, 18)) in mail.body


def test_a_writer_cannot_reschedule_even_their_own_post(client, desk, monday):
    post = PostFactory(authors=[desk.owner_author], publish_at=local(monday))

    response = logged_in(client, desk.owner).post(
        RESCHEDULE, {"post": post.pk, "publish_at": f"{monday}T18:00"}, follow=True
    )

    post.refresh_from_db()
    assert post.publish_at == local(monday)
    assert messages_of(response) == ["You may not reschedule this post."]


def test_a_past_slot_is_refused_with_a_clear_message(client, desk, week):
    post = week["scheduled"]
    before = post.publish_at
    yesterday = timezone.localdate() - timedelta(days=1)

    response = logged_in(client, desk.editor).post(
        RESCHEDULE, {"post": post.pk, "publish_at": f"{yesterday}T09:00"}, follow=True
    )

    post.refresh_from_db()
    assert post.publish_at == before
    [message] = messages_of(response)
    assert message.endswith("has passed: choose a time in the future.")
    assert "(Europe/Minsk)" in message


@pytest.mark.parametrize("kind", ["draft", "later_published"])
def test_only_scheduled_posts_move(client, desk, week, monday, kind):
    post = week["draft"] if kind == "draft" else PostFactory()
    before = (post.status, post.publish_at)

    logged_in(client, desk.editor).post(
        RESCHEDULE, {"post": post.pk, "publish_at": f"{monday}T09:00"}
    )

    post.refresh_from_db()
    assert (post.status, post.publish_at) == before


def test_a_malformed_move_gets_a_message_not_a_500(client, desk, week):
    response = logged_in(client, desk.editor).post(
        RESCHEDULE, {"post": week["scheduled"].pk, "publish_at": "tomorrow"}, follow=True
    )

    assert response.status_code == 200
    assert messages_of(response) == ["Enter a valid date/time."]


def test_the_calendar_needs_a_login(client):
    assert client.get(CALENDAR).status_code == 302
    assert client.post(RESCHEDULE).status_code == 302


def test_the_user_links_lead_to_the_calendar(client, desk):
    page = logged_in(client, desk.owner).get(reverse("admin:index")).text

    assert f'<a href="{CALENDAR}">Calendar</a>' in page
