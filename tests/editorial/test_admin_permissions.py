"""Every role against every post state, through the admin over HTTP: what each may see,
change and publish (or unpublish), including addresses typed by hand."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from editorial.admin.forms import version_token
from tests.editorial.admin_client import change_url, editable_data, logged_in
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "owner", "other", "editor", "superuser"]
STATES = ["draft", "review", "scheduled", "published"]

# role: (states it sees, states it may change, states it may publish or unpublish)
MAY = {
    "anonymous": (set(), set(), set()),
    "owner": (set(STATES), {"draft", "review"}, set()),
    "other": (set(), set(), set()),
    "editor": (set(STATES), set(STATES), set(STATES)),
    "superuser": (set(STATES), set(STATES), set(STATES)),
}


def make_post(state, author):
    soon = timezone.now() + timedelta(days=1)
    status, publish_at = {
        "draft": (Post.Status.DRAFT, None),
        "review": (Post.Status.REVIEW, None),
        "scheduled": (Post.Status.PUBLISHED, soon),
        "published": (Post.Status.PUBLISHED, timezone.now() - timedelta(days=1)),
    }[state]
    return PostFactory(
        title=f"A {state} column", status=status, publish_at=publish_at, authors=[author]
    )


def is_visible(post):
    return Post.objects.published().filter(pk=post.pk).exists()


def save_answers(role, may_see, may_change):
    if may_change or role == "anonymous":
        return {302}
    if may_see:
        return {302, 403}
    return {200}  # a post they may not see is, to them, missing: the form comes back as new


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_changes_and_publishes_only_what_it_may(client, desk, role, state):
    post = make_post(state, desk.owner_author)
    data = editable_data(client, post, desk.superuser)
    may_see, may_change, may_move = (state in allowed for allowed in MAY[role])
    client = logged_in(client, desk.user(role))

    listing = client.get(reverse("admin:blog_post_changelist"))
    page = client.get(change_url(post))
    saved = client.post(change_url(post), data | {"title": "Changed by hand"})
    post.refresh_from_db()
    changed = post.title == "Changed by hand"
    was_visible = is_visible(post)
    action = "unpublish" if state == "published" else "publish"
    current = {"title": post.title, "version": version_token(post), "_transition": action}
    client.post(change_url(post), data | current)

    assert ("A " + state + " column" in listing.content.decode()) is may_see
    assert (page.status_code == 200) is may_see
    assert changed is may_change
    assert saved.status_code in save_answers(role, may_see, may_change)
    assert (is_visible(post) != was_visible) is may_move


@pytest.mark.parametrize("state", STATES)
def test_a_writer_sees_their_own_published_post_read_only(client, desk, state):
    post = make_post(state, desk.owner_author)
    page = logged_in(client, desk.owner).get(change_url(post))

    editable = 'name="title"' in page.content.decode()
    assert editable is (state in {"draft", "review"})


@pytest.mark.parametrize(
    "address",
    [
        "admin:blog_post_change",
        "admin:blog_post_delete",
        "admin:blog_post_history",
        "admin:blog_post_preview",
        "admin:blog_post_versions",
    ],
)
def test_another_writers_guessed_addresses_show_nothing(client, desk, address):
    post = make_post("draft", desk.owner_author)
    response = logged_in(client, desk.other).get(reverse(address, args=[post.pk]))

    assert response.status_code in {302, 403, 404}
    assert post.title not in response.content.decode()


def test_another_writer_cannot_share_or_delete_by_posting(client, desk):
    post = make_post("draft", desk.owner_author)
    client = logged_in(client, desk.other)

    client.post(reverse("admin:blog_post_share", args=[post.pk]))
    client.post(reverse("admin:blog_post_delete", args=[post.pk]), {"post": "yes"})

    assert Post.objects.filter(pk=post.pk).exists()
    assert not post.preview_links.exists()


def test_a_writers_form_offers_neither_status_nor_publish_at(client, desk):
    post = make_post("draft", desk.owner_author)
    data = editable_data(client, post, desk.superuser)
    client = logged_in(client, desk.owner)
    form = client.get(change_url(post)).context["adminform"].form

    soon = (timezone.localtime() + timedelta(hours=1)).strftime("%Y-%m-%d")
    client.post(
        change_url(post),
        data | {"status": "published", "publish_at_0": soon, "publish_at_1": "09:00"},
    )
    post.refresh_from_db()

    assert "status" not in form.fields
    assert "publish_at" not in form.fields
    assert (post.status, post.publish_at) == (Post.Status.DRAFT, None)


def test_a_writer_only_gets_the_transitions_they_may_use(client, desk):
    post = make_post("draft", desk.owner_author)
    page = logged_in(client, desk.owner).get(change_url(post))

    assert [transition.name for transition in page.context["transitions"]] == ["submit"]


def test_a_writer_submits_for_review_but_cannot_publish(client, desk):
    post = make_post("draft", desk.owner_author)
    data = editable_data(client, post, desk.superuser)
    client = logged_in(client, desk.owner)

    client.post(change_url(post), data | {"_transition": "submit"})
    post.refresh_from_db()
    assert post.status == Post.Status.REVIEW
    client.post(change_url(post), data | {"version": version_token(post), "_transition": "publish"})
    post.refresh_from_db()
    assert post.status == Post.Status.REVIEW


def test_bulk_publishing_is_not_offered_to_a_writer_and_does_nothing(client, desk):
    post = make_post("review", desk.owner_author)
    client = logged_in(client, desk.owner)
    changelist = reverse("admin:blog_post_changelist")

    choices = dict(client.get(changelist).context["action_form"].fields["action"].choices)
    client.post(changelist, {"action": "publish_now", "_selected_action": [post.pk]})
    post.refresh_from_db()

    assert "submit_for_review" in choices
    assert "publish_now" not in choices
    assert "unpublish" not in choices
    assert post.status == Post.Status.REVIEW


def test_bulk_submission_by_a_writer_touches_only_their_own_drafts(client, desk):
    mine = make_post("draft", desk.owner_author)
    theirs = PostFactory(status=Post.Status.DRAFT, publish_at=None)
    client = logged_in(client, desk.owner)

    client.post(
        reverse("admin:blog_post_changelist"),
        {"action": "submit_for_review", "_selected_action": [mine.pk, theirs.pk]},
    )

    assert Post.objects.get(pk=mine.pk).status == Post.Status.REVIEW
    assert Post.objects.get(pk=theirs.pk).status == Post.Status.DRAFT


def test_a_new_post_by_a_writer_credits_them_and_they_cannot_drop_themselves(client, desk):
    client = logged_in(client, desk.owner)
    add = reverse("admin:blog_post_add")
    page = client.get(add)
    initial = page.context["inline_admin_formsets"][0].formset.forms[0].initial
    section = PostFactory().section

    data = {
        "title": "My first draft",
        "slug": "",
        "section": section.pk,
        "lead": "Lead",
        "body": "<p>Body</p>",
        "language": "en",
        "credits-TOTAL_FORMS": "1",
        "credits-INITIAL_FORMS": "0",
        "credits-0-author": desk.other.author_profile.pk,
        "credits-0-position": "0",
    }
    for prefix in ["key_points", "corrections", "redirects"]:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    refused = client.post(add, data)
    accepted = client.post(add, data | {"credits-0-author": desk.owner_author.pk})

    assert initial["author"] == desk.owner_author.pk
    assert refused.status_code == 200
    assert "Keep yourself (Olga Writer) among the authors" in refused.content.decode()
    assert accepted.status_code == 302
    assert Post.objects.owned_by(desk.owner).filter(title="My first draft").exists()


def test_a_login_without_an_author_profile_cannot_add_posts(client, desk):
    desk.owner_author.user = None
    desk.owner_author.save()

    response = logged_in(client, desk.owner).get(reverse("admin:blog_post_add"))

    assert response.status_code == 403


def test_the_author_admin_lists_the_authors_posts(client, desk):
    draft = make_post("draft", desk.owner_author)
    published = make_post("published", desk.owner_author)
    url = reverse("admin:authors_author_change", args=[desk.owner_author.pk])

    page = logged_in(client, desk.editor).get(url).content.decode()

    assert draft.title in page
    assert published.title in page


def test_a_writer_opens_only_their_own_author_profile(client, desk):
    client = logged_in(client, desk.owner)
    own = reverse("admin:authors_author_change", args=[desk.owner_author.pk])
    another = reverse("admin:authors_author_change", args=[desk.other.author_profile.pk])

    assert client.get(own).status_code == 200
    assert client.get(another).status_code in {302, 403}
