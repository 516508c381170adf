"""The version list says what each version changed and restoring asks first; house-style
variants show when a post is opened and "Change all" fixes one of them everywhere."""

import pytest
from django.urls import reverse

from blog.models import Post, StyleRule
from tests.editorial.admin_client import change_url, editable_data, logged_in, messages_of
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited(client, desk):
    """A post saved by an editor as created, then with a retitle and two words more."""
    post = PostFactory(title="First title", body="<p>One two three.</p>", key_points=["Point"])
    unchanged = editable_data(client, post, desk.superuser)
    logged_in(client, desk.editor).post(change_url(post), unchanged)
    data = editable_data(client, post, desk.superuser) | {
        "title": "Second title",
        "body": "<p>One two three four five.</p>",
        "image_alt": "",
    }
    logged_in(client, desk.editor).post(change_url(post), data)
    return post


def test_each_version_says_which_fields_changed_and_how_many_words(client, desk, edited):
    response = logged_in(client, desk.editor).get(
        reverse("admin:blog_post_versions", args=[edited.pk])
    )

    newest, *_, first = response.context["versions"]
    assert newest.summary.fields == ["Title", "Body"]
    # "First" out, "Second" in (title); "four five" in (body).
    assert (newest.summary.words_added, newest.summary.words_removed) == (3, 1)
    assert first.summary is None
    page = response.content.decode()
    assert "Title, Body;" in page
    assert "3 words added" in page
    assert "1 word removed" in page


def test_restore_asks_first_and_changes_nothing_until_confirmed(client, desk, edited):
    first = edited.history.order_by("-history_id")[1]
    address = reverse("admin:blog_post_restore", args=[edited.pk, first.pk])
    count = edited.history.count()

    versions_page = logged_in(client, desk.editor).get(
        reverse("admin:blog_post_versions", args=[edited.pk])
    )
    question = client.get(address)

    assert f'href="{address}"' in versions_page.content.decode()
    assert question.status_code == 200
    assert 'method="post"' in question.content.decode()
    assert "Yes, restore this version" in question.content.decode()
    assert question.context["summary"].fields == ["Title", "Body"]
    assert Post.objects.get(pk=edited.pk).title == "Second title"
    assert edited.history.count() == count

    client.post(address)
    assert Post.objects.get(pk=edited.pk).title == "First title"
    assert edited.history.count() == count + 1


@pytest.fixture
def rule():
    return StyleRule.objects.create(preferred="Tokayev", variants="Tokaev\nTakaev")


@pytest.fixture
def varied(desk, rule):
    return PostFactory(
        status=Post.Status.REVIEW,
        publish_at=None,
        authors=[desk.owner_author],
        title="Tokaev's choice",
        lead="Why Tokaev chose reform.",
        body='<p>Tokaev spoke. <a href="https://example.org/Tokaev">Tokaev</a> left.</p>',
        key_points=["Tokaev reformed", "Takaev did not"],
    )


@pytest.mark.parametrize("role", ["editor", "owner"])
def test_house_style_shows_when_a_post_is_opened(client, desk, varied, role):
    response = logged_in(client, desk.user(role)).get(change_url(varied))

    findings = {f.variant: f.count for f in response.context["style_findings"]}
    assert findings == {"Tokaev": 5, "Takaev": 1}
    page = response.content.decode()
    assert "“Tokaev” appears 5 times; the house style is “Tokayev”." in page
    assert not messages_of(response)


def test_change_all_fixes_one_variant_in_text_only_as_one_new_version(client, desk, varied, rule):
    count = varied.history.count()
    address = reverse("admin:blog_post_style_change_all", args=[varied.pk, rule.pk])

    response = logged_in(client, desk.editor).post(address, {"variant": "Tokaev"})

    assert response.status_code == 302
    post = Post.objects.get(pk=varied.pk)
    assert (post.title, post.lead) == ("Tokayev's choice", "Why Tokayev chose reform.")
    assert post.body.startswith('<p>Tokayev spoke. <a href="https://example.org/Tokaev"')
    assert post.body.endswith(">Tokayev</a> left.</p>")
    assert [p.text for p in post.key_points.all()] == ["Tokayev reformed", "Takaev did not"]
    assert post.history.count() == count + 1
    latest = post.history.order_by("-history_id").first()
    assert latest.history_user == desk.editor
    assert latest.relations["key_points"] == ["Tokayev reformed", "Takaev did not"]


def test_change_all_refuses_a_word_the_rule_does_not_name(client, desk, varied, rule):
    address = reverse("admin:blog_post_style_change_all", args=[varied.pk, rule.pk])

    response = logged_in(client, desk.editor).post(address, {"variant": "spoke"})

    assert response.status_code == 302
    assert "not a variant" in messages_of(response)[0]
    assert Post.objects.get(pk=varied.pk).body == varied.body


@pytest.mark.parametrize("role", ["other", "owner"])
def test_only_who_may_edit_the_post_changes_its_style(client, desk, rule, role):
    published = PostFactory(title="Tokaev", authors=[desk.owner_author])
    address = reverse("admin:blog_post_style_change_all", args=[published.pk, rule.pk])

    response = logged_in(client, desk.user(role)).post(address, {"variant": "Tokaev"})

    assert response.status_code in {403, 404}
    assert Post.objects.get(pk=published.pk).title == "Tokaev"
    assert logged_in(client, desk.user(role)).get(address).status_code in {404, 405}
