"""The editorial workflow through the admin: transitions and their history, the checks
before publishing, scheduling without a cron job, unpublishing, bulk actions, the list."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.models import Post, PostTransition
from editorial.admin.forms import version_token
from editorial.publication import post_published
from tests.editorial.admin_client import (
    change_url,
    editable_data,
    logged_in,
    make_draft,
    messages_of,
    move,
)
from tests.factories import PostFactory, SectionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:blog_post_changelist"
QUERIES_PER_LIST_PAGE = 15  # session, user, 2FA device, permissions ×2, filters ×3, counts ×2,
# posts, credits, authors, date hierarchy ×2


@pytest.fixture
def draft(desk):
    return make_draft(desk, title="Two paths")


def test_review_send_back_and_publish_are_recorded_and_shown(client, desk, draft):
    move(client, desk.owner, draft, "submit", desk.superuser)
    move(client, desk.editor, draft, "send_back", desk.superuser, comment="Cite the poll.")
    move(client, desk.owner, draft, "submit", desk.superuser)
    move(client, desk.editor, draft, "publish", desk.superuser)

    moves = [
        (change.user, change.from_status, change.to_status, change.comment)
        for change in PostTransition.objects.filter(post=draft).order_by("at", "pk")
    ]
    page = logged_in(client, desk.owner).get(change_url(draft)).content.decode()
    assert moves == [
        (desk.owner, "draft", "review", ""),
        (desk.editor, "review", "draft", "Cite the poll."),
        (desk.owner, "draft", "review", ""),
        (desk.editor, "review", "published", ""),
    ]
    assert "Status history" in page
    assert "Cite the poll." in page


def test_sending_back_needs_a_comment(client, desk, draft):
    move(client, desk.owner, draft, "submit", desk.superuser)

    response = move(client, desk.editor, draft, "send_back", desk.superuser)
    draft.refresh_from_db()

    assert draft.status == Post.Status.REVIEW
    assert any("Say in the comment what should change" in m for m in messages_of(response))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"lead": ""}, "Write a lead."),
        ({"body": "<p> </p>"}, "Write the body: it is empty."),
        ({"body": '<p>Map:</p><figure><img src="https://e.org/m.png"></figure>'}, "no alt text"),
    ],
)
def test_publishing_is_refused_until_the_checks_pass_but_the_draft_is_saved(
    client, desk, draft, changes, message
):
    response = move(client, desk.editor, draft, "publish", desk.superuser, **changes)
    draft.refresh_from_db()

    assert draft.status == Post.Status.DRAFT
    assert [getattr(draft, name) for name in changes] == [
        value.replace("<p> </p>", "") for value in changes.values()
    ]
    assert any(message in text and "not done" in text for text in messages_of(response))


def test_publishing_is_refused_for_a_post_without_authors(client, desk):
    post = PostFactory(status=Post.Status.DRAFT, publish_at=None)
    post.credits.all().delete()

    client.force_login(desk.editor)
    client.post(
        reverse(CHANGELIST), {"action": "publish_now", "_selected_action": [post.pk]}, follow=True
    )
    post.refresh_from_db()

    assert post.status == Post.Status.DRAFT


def test_a_published_post_cannot_be_saved_without_what_publishing_needs(client, desk):
    post = PostFactory(authors=[desk.owner_author])
    data = editable_data(client, post, desk.superuser)

    response = logged_in(client, desk.editor).post(change_url(post), data | {"lead": ""})
    post.refresh_from_db()

    assert response.status_code == 200
    assert "Write a lead." in response.content.decode()
    assert post.lead


def test_a_scheduled_post_appears_everywhere_by_itself_when_its_time_comes(
    client, desk, draft, time_machine
):
    time_machine.move_to(datetime(2026, 5, 4, 8, 0, tzinfo=UTC), tick=False)
    local = timezone.localtime(datetime(2026, 5, 4, 9, 0, tzinfo=UTC))
    response = move(
        client,
        desk.editor,
        draft,
        "schedule",
        desk.superuser,
        publish_at_0=local.strftime("%Y-%m-%d"),
        publish_at_1=local.strftime("%H:%M:%S"),
    )
    client.logout()
    surfaces = [
        reverse("blog:index"),
        draft.section.get_absolute_url(),
        reverse("blog:feed_rss"),
        reverse("sitemap_section", kwargs={"section": "posts"}),
    ]
    address = draft.get_absolute_url()
    before = [address in client.get(url).content.decode() for url in surfaces]
    page_before = client.get(draft.get_absolute_url()).status_code

    time_machine.move_to(datetime(2026, 5, 4, 9, 1, tzinfo=UTC), tick=False)
    after = [address in client.get(url).content.decode() for url in surfaces]
    page_after = client.get(draft.get_absolute_url()).status_code

    assert any("is now: Scheduled for" in text for text in messages_of(response))
    assert (before, page_before) == ([False] * len(surfaces), 404)
    assert (after, page_after) == ([True] * len(surfaces), 200)


def test_scheduling_needs_a_future_publish_at(client, desk, draft):
    response = move(client, desk.editor, draft, "schedule", desk.superuser)
    draft.refresh_from_db()

    assert draft.status == Post.Status.DRAFT
    assert any("time in the future" in text for text in messages_of(response))


def test_the_admin_list_marks_scheduled_posts(client, desk):
    PostFactory(title="Coming soon", publish_at=timezone.now() + timedelta(days=2))

    page = logged_in(client, desk.editor).get(reverse(CHANGELIST)).content.decode()

    assert "Scheduled for" in page


def test_unpublishing_takes_the_post_off_reader_pages_at_once(client, desk):
    post = PostFactory(title="Here today", authors=[desk.owner_author])
    assert client.get(post.get_absolute_url()).status_code == 200
    assert "Here today" in client.get(reverse("blog:feed_rss")).content.decode()

    move(client, desk.editor, post, "unpublish", desk.superuser)
    client.logout()

    assert client.get(post.get_absolute_url()).status_code == 404
    assert "Here today" not in client.get(reverse("blog:index")).content.decode()
    assert "Here today" not in client.get(reverse("blog:feed_rss")).content.decode()


def test_bulk_publish_announces_each_post_and_skips_those_failing_checks(
    client, desk, django_capture_on_commit_callbacks
):
    ready = PostFactory(status=Post.Status.REVIEW, publish_at=None)
    unready = PostFactory(status=Post.Status.REVIEW, publish_at=None, lead="")
    announced = []

    def record(sender, post, **kwargs):
        announced.append(post.pk)

    post_published.connect(record)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = logged_in(client, desk.editor).post(
                reverse(CHANGELIST),
                {"action": "publish_now", "_selected_action": [ready.pk, unready.pk]},
            )
    finally:
        post_published.disconnect(record)

    assert announced == [ready.pk]
    assert Post.objects.get(pk=unready.pk).status == Post.Status.REVIEW
    assert any("Write a lead." in text for text in messages_of(response))


def test_bulk_unpublish_hides_the_posts(client, desk):
    posts = PostFactory.create_batch(2)

    logged_in(client, desk.editor).post(
        reverse(CHANGELIST),
        {"action": "unpublish", "_selected_action": [post.pk for post in posts]},
    )

    assert not Post.objects.published().exists()


def test_the_dashboard_shows_posts_in_review_and_next_scheduled(client, desk):
    PostFactory(title="Waiting for an editor", status=Post.Status.REVIEW, publish_at=None)
    PostFactory(title="Out on Friday", publish_at=timezone.now() + timedelta(days=3))
    PostFactory(title="Already out")

    page = logged_in(client, desk.editor).get(reverse("admin:index")).content.decode()

    dashboard = page[page.index("editorial-dashboard") :]
    assert "Waiting for an editor" in dashboard
    assert "Out on Friday" in dashboard
    assert "Already out" not in dashboard


def test_a_writers_dashboard_shows_only_their_own_posts(client, desk):
    PostFactory(title="Mine in review", status=Post.Status.REVIEW, authors=[desk.owner_author])
    PostFactory(title="Theirs in review", status=Post.Status.REVIEW)

    page = logged_in(client, desk.owner).get(reverse("admin:index")).content.decode()

    assert "Mine in review" in page
    assert "Theirs in review" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"stage": "draft"}, {"Draft one"}),
        ({"stage": "review"}, {"Review one"}),
        ({"stage": "scheduled"}, {"Scheduled one"}),
        ({"stage": "published"}, {"Published one"}),
        ({"q": "needle"}, {"Review one"}),
        ({"language__exact": "be"}, {"Draft one"}),
    ],
)
def test_the_post_list_filters_and_searches(client, desk, query, expected):
    titles = {"Draft one", "Review one", "Scheduled one", "Published one"}
    PostFactory(title="Draft one", status=Post.Status.DRAFT, publish_at=None, language="be")
    PostFactory(title="Review one", status=Post.Status.REVIEW, body="<p>A needle.</p>")
    PostFactory(title="Scheduled one", publish_at=timezone.now() + timedelta(days=1))
    PostFactory(title="Published one")

    response = logged_in(client, desk.editor).get(reverse(CHANGELIST), query)
    shown = {post.title for post in response.context["cl"].result_list}

    assert shown & titles == expected


def test_the_post_list_takes_the_same_number_of_queries_for_any_page_size(
    client, desk, django_assert_max_num_queries
):
    section = SectionFactory()
    client = logged_in(client, desk.editor)

    def list_posts(count):
        PostFactory.create_batch(count, section=section, tags=["Belarus", "Kazakhstan"])
        with django_assert_max_num_queries(QUERIES_PER_LIST_PAGE):
            return client.get(reverse(CHANGELIST))

    assert list_posts(2).status_code == 200
    assert list_posts(30).status_code == 200


def test_a_transition_button_on_a_stale_form_changes_nothing(client, desk, draft):
    data = editable_data(client, draft, desk.superuser)
    move(client, desk.editor, draft, "publish", desk.superuser)

    logged_in(client, desk.editor).post(
        change_url(draft), data | {"_transition": "unpublish", "title": "Old"}
    )
    draft.refresh_from_db()

    assert draft.status == Post.Status.PUBLISHED
    assert draft.title == "Two paths"
    assert data["version"] != version_token(draft)
