"""What feed readers learn of a change: the hub hears of edits and unpublications as of
publications, the lead is part of every entry's content, and a save that changes nothing
moves neither `updated` nor the feeds' validators."""

import json

import feedparser
import pytest

from blog.models import Post
from tests.editorial.admin_client import change_url, form_data
from tests.factories import AuthorFactory, PostFactory, UserFactory

from . import test_feeds_websub
from .test_feeds_websub import SITE

pytestmark = pytest.mark.django_db
hub = test_feeds_websub.hub  # the fake WebSub hub

MIRROR = "https://mirror.example"
FEEDS = ["/feed/", "/feed/atom/", "/feed/json/"]


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return PostFactory(title="Seen by readers", authors=[AuthorFactory(slug="anna")])


def notified_after(hub, django_capture_on_commit_callbacks, change) -> list[str]:
    hub.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        change()
    return hub.topics()


def test_editing_a_published_post_notifies_the_hub(
    hub, published, django_capture_on_commit_callbacks
):
    def edit():
        published.title = "Seen by readers, corrected"
        published.save()

    topics = notified_after(hub, django_capture_on_commit_callbacks, edit)

    assert f"{SITE}/feed/" in topics
    assert f"{SITE}/authors/anna/feed/atom/" in topics


def test_unpublishing_notifies_the_hub(hub, published, django_capture_on_commit_callbacks):
    def unpublish():
        published.status = Post.Status.DRAFT
        published.save()

    assert f"{SITE}/feed/json/" in notified_after(
        hub, django_capture_on_commit_callbacks, unpublish
    )


def test_the_mirrors_feeds_are_topics_too(
    hub, published, settings, django_capture_on_commit_callbacks
):
    settings.MIRROR_ORIGINS = [MIRROR]
    settings.ONION_ORIGIN = "http://columnistexampleonion.onion"

    def edit():
        published.lead = "A sharper lead"
        published.save()

    topics = notified_after(hub, django_capture_on_commit_callbacks, edit)

    assert {f"{SITE}/feed/", f"{MIRROR}/feed/"} <= set(topics)
    assert not any(".onion" in topic for topic in topics)


def test_drafts_and_saves_that_change_nothing_notify_no_one(
    hub, published, django_capture_on_commit_callbacks
):
    draft = PostFactory(status=Post.Status.DRAFT, publish_at=None)

    def edit_draft_and_resave_the_published_post():
        draft.title = "Still a draft"
        draft.save()
        Post.objects.get(pk=published.pk).save()

    topics = notified_after(
        hub, django_capture_on_commit_callbacks, edit_draft_and_resave_the_published_post
    )

    assert topics == []


@pytest.mark.parametrize("url", FEEDS)
def test_the_lead_opens_every_entry_s_content(client, url):
    PostFactory(lead="An edited lead & more", key_points=["A point"])

    body = client.get(url).content.decode()
    if url.endswith("json/"):
        content = json.loads(body)["items"][0]["content_html"]
    else:
        content = feedparser.parse(body).entries[0].content[0].value

    assert content.index("An edited lead &amp; more") < content.index("A point")


def validators(client):
    response = client.get("/feed/atom/")
    updated = feedparser.parse(response.content).entries[0].updated
    return response["ETag"], response["Last-Modified"], updated


def test_an_unchanged_admin_save_keeps_updated_etag_and_last_modified(client):
    post = PostFactory(tags=["Belarus"], key_points=["First", "Second"])
    client.force_login(UserFactory(is_superuser=True))
    before = validators(client)
    updated_at, versions = Post.objects.get().updated_at, post.history.count()

    response = client.post(change_url(post), form_data(client.get(change_url(post))))

    assert response.status_code == 302
    assert Post.objects.get().updated_at == updated_at
    assert post.history.count() == versions
    assert validators(client) == before


def test_a_real_edit_moves_them(client):
    post = PostFactory()
    client.force_login(UserFactory(is_superuser=True))
    before = validators(client)

    data = form_data(client.get(change_url(post))) | {"title": "A better title"}
    client.post(change_url(post), data)

    after = validators(client)
    assert after[0] != before[0]
    assert Post.objects.get().title == "A better title"
