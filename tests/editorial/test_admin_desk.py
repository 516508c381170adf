"""The desk's look and aids: the admin stylesheet, the post list's columns, apps only
superusers see, the edit-conflict heading, and the search-result preview."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.contrib.staticfiles import finders
from django.urls import reverse

from blog.models import Post
from tests.editorial.admin_client import change_url, editable_data, form_data, logged_in
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

INTERNAL_APPS = ["axes", "otp_totp", "django_tasks_database"]


def test_every_admin_page_loads_the_desk_stylesheet(client, desk, draft):
    page = logged_in(client, desk.owner).get(change_url(draft)).content.decode()

    assert "/static/css/admin-desk.css" in page
    stylesheet = Path(finders.find("css/admin-desk.css")).read_text(encoding="utf-8")
    assert re.search(r"\.ProseMirror\[contenteditable\] \{[^}]*min-height: 24rem", stylesheet)
    # The editor's own dropdown arrow is a character few fonts have; ours is drawn.
    assert re.search(
        r'\.prose-menubar__dropdown \.prose-menubar__selected::after \{\s*content: ""', stylesheet
    )


def test_the_post_list_shows_thumbnail_status_and_a_preview_link(client, desk, draft):
    page = logged_in(client, desk.editor).get(reverse("admin:blog_post_changelist"))
    html = page.content.decode()

    assert page.context["cl"].list_display[1:] == [
        "thumbnail",
        "title",
        "byline_names",
        "stage",
        "updated_at",
        "preview_link",
    ]
    assert reverse("admin:blog_post_preview", args=[draft.pk]) in html
    assert "<h2>Times in Europe/Minsk.</h2>" in html
    assert f'<a href="{change_url(draft)}">Draft title</a>' in html
    assert ">Draft<" in html


@pytest.mark.parametrize("role", ["editor", "owner"])
def test_staff_other_than_superusers_never_see_security_and_task_internals(client, desk, role):
    user = desk.user(role)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label__in=INTERNAL_APPS))
    logged_in(client, user)

    listed = {app["app_label"] for app in client.get(reverse("admin:index")).context["app_list"]}
    assert listed.isdisjoint(INTERNAL_APPS)
    assert "blog" in listed
    assert client.get(reverse("admin:app_list", args=["axes"])).status_code == 404


def test_superusers_still_see_the_internals(client, desk):
    response = logged_in(client, desk.superuser).get(reverse("admin:index"))

    assert set(INTERNAL_APPS) <= {app["app_label"] for app in response.context["app_list"]}


def test_an_edit_conflict_is_headed_as_one_not_as_a_form_to_correct(client, desk, draft):
    opened = editable_data(client, draft, desk.superuser)
    logged_in(client, desk.editor).post(change_url(draft), opened | {"title": "Theirs"})

    response = client.post(change_url(draft), opened | {"title": "Mine"})

    page = response.content.decode()
    assert "someone else saved this post after you opened it" in page
    assert "Please correct the error" not in page
    assert "your changes were not saved" in page
    assert page.count('class="errornote"') == 1


def test_other_errors_keep_the_usual_heading(client, desk, draft):
    data = editable_data(client, draft, desk.superuser) | {"title": ""}

    page = logged_in(client, desk.editor).post(change_url(draft), data).content.decode()

    assert "Please correct the error below." in page
    assert "someone else saved" not in page


def test_the_form_previews_the_post_as_search_engines_and_link_cards_show_it(client, desk):
    post = PostFactory(title="The headline", lead="What the column argues.", slug="headline")
    response = logged_in(client, desk.editor).get(change_url(post))

    assert response.context["search_preview"]["title"] == "The headline"
    assert response.context["search_preview"]["description"] == "What the column argues."
    assert response.context["search_preview"]["url"].endswith("/posts/headline/")
    assert "/static/js/desk-preview.js" in response.content.decode()

    post.seo_title, post.seo_description = "Search title", "Search description."
    post.save()
    preview = client.get(change_url(post)).context["search_preview"]
    assert (preview["title"], preview["description"]) == ("Search title", "Search description.")


def test_the_new_post_form_previews_too(client, desk):
    response = logged_in(client, desk.owner).get(reverse("admin:blog_post_add"))

    assert response.status_code == 200
    assert response.context["search_preview"]["title"] == ""
    assert 'id="search-preview"' in response.content.decode()


def test_a_rejected_form_previews_what_was_typed(client, desk, draft):
    data = form_data(logged_in(client, desk.owner).get(change_url(draft)))
    data |= {"title": "Typed title", "section": ""}

    response = client.post(change_url(draft), data)

    assert response.context["search_preview"]["title"] == "Typed title"


def test_writers_cannot_reach_the_internals_through_an_app_page(client):
    writer = UserFactory(groups=["Authors"])
    response = logged_in(client, writer).get(reverse("admin:app_list", args=["otp_totp"]))
    assert response.status_code == 404


def test_a_writer_who_may_only_read_a_published_post_reads_its_body_not_its_markup(client, desk):
    post = PostFactory(authors=[desk.owner_author], body="<p>First <em>point</em>.</p>")
    Post.objects.filter(pk=post.pk).update(body=post.body + '<script>alert("x")</script>')

    page = logged_in(client, desk.owner).get(change_url(post)).content.decode()

    assert "<p>First <em>point</em>.</p>" in page
    assert "&lt;p&gt;" not in page
    assert 'alert("x")' not in page


def test_an_editor_still_edits_the_body_as_markup(client, desk):
    post = PostFactory(authors=[desk.owner_author], body="<p>First point.</p>")

    form = logged_in(client, desk.editor).get(change_url(post)).context["adminform"].form

    assert form["body"].value() == "<p>First point.</p>"
