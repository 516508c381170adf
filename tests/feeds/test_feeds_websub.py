"""WebSub: feeds name the hub, and publishing notifies it, tested against a fake hub."""

import json
import threading
from collections import deque
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import feedparser
import pytest
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django_tasks import default_task_backend

from editorial.publication import announce_due_posts
from feeds.websub import MAX_ATTEMPTS, HubNotificationFailed, notify_hub
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
FORMATS = ["", "atom/", "json/"]


class FakeHub:
    """A hub on 127.0.0.1 that records each notification and answers with the next
    scripted status (204 once the script runs out)."""

    def __init__(self):
        self.received = []
        self.statuses = deque()
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                hub.received.append(parse_qs(self.rfile.read(length).decode()))
                self.send_response(hub.statuses.popleft() if hub.statuses else 204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def topics(self):
        return [form["hub.url"][0] for form in self.received]


@pytest.fixture
def hub(settings):
    fake = FakeHub()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    settings.WEBSUB_HUB = fake.url
    yield fake
    fake.server.shutdown()
    fake.server.server_close()
    thread.join()


@pytest.fixture
def two_author_post_data():
    return {
        "authors": [AuthorFactory(slug="anna"), AuthorFactory(slug="boris")],
        "tags": ["Belarus", "Беларусь і свет"],
    }


def expected_topics(post):
    tags = [tag.slug for tag in post.tags.all()]
    section = post.section.slug
    return {
        f"{SITE}/feed/",
        f"{SITE}/feed/atom/",
        f"{SITE}/feed/json/",
        *(f"{SITE}/authors/{slug}/feed/{fmt}" for slug in ["anna", "boris"] for fmt in FORMATS),
        f"{SITE}/sections/{section}/feed/",
        f"{SITE}/sections/{section}/feed/atom/",
        *(f"{SITE}/tags/{iri_to_uri(slug)}/feed/{fmt}" for slug in tags for fmt in ["", "atom/"]),
    }


def test_publishing_notifies_the_hub_of_every_feed_the_post_is_in(
    hub, two_author_post_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = PostFactory(status="draft", **two_author_post_data)
        post.status = "published"
        post.save()

    assert all(form["hub.mode"] == ["publish"] for form in hub.received)
    assert sorted(hub.topics()) == sorted(expected_topics(post))
    assert len(hub.topics()) == 3 + 2 * 3 + 2 + 2 * 2


def test_a_refused_notification_is_retried_until_the_hub_takes_it(
    hub, django_capture_on_commit_callbacks
):
    hub.statuses.extend([500])

    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(authors=[AuthorFactory(slug="anna")])

    first = f"{SITE}/feed/"
    assert hub.topics()[0] == first
    assert hub.topics().count(first) == 2
    assert hub.topics()[-1] == first


def hub_notifications():
    """The WebSub notifications waiting in the dummy task backend."""
    return [
        result for result in default_task_backend.results if result.task.func == notify_hub.func
    ]


def test_a_scheduled_post_notifies_the_hub_when_it_comes_due(
    hub, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(publish_at=timezone.now() + timedelta(minutes=30))
    assert hub.received == []
    time_machine.shift(timedelta(minutes=31))

    with django_capture_on_commit_callbacks(execute=True):
        announce_due_posts()

    assert f"{SITE}/feed/" in hub.topics()


def test_publishing_only_enqueues_the_notification(
    hub, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS

    with django_capture_on_commit_callbacks(execute=True):
        PostFactory()

    assert hub.received == []
    [queued] = hub_notifications()
    assert queued.args[0] == hub.url


def test_a_refused_notification_is_retried_later_and_later(hub, settings):
    settings.TASKS = DUMMY_TASKS
    hub.statuses.extend([503, 503])
    topics = [f"{SITE}/feed/"]

    notify_hub.call(hub.url, topics)
    notify_hub.call(hub.url, topics, 2)

    first, second = hub_notifications()
    assert first.args == [hub.url, topics, 2]
    assert second.args == [hub.url, topics, 3]
    now = timezone.now()
    first_delay, second_delay = (result.task.run_after - now for result in (first, second))
    assert timedelta(seconds=10) < first_delay < second_delay


def test_retrying_stops_after_the_last_attempt(hub, settings):
    settings.TASKS = DUMMY_TASKS
    hub.statuses.extend([500])

    with pytest.raises(HubNotificationFailed):
        notify_hub.call(hub.url, [f"{SITE}/feed/"], MAX_ATTEMPTS)

    assert hub_notifications() == []


def test_an_unreachable_hub_counts_as_a_refusal(settings):
    settings.TASKS = DUMMY_TASKS

    notify_hub.call("http://127.0.0.1:9/", [f"{SITE}/feed/"])

    assert len(hub_notifications()) == 1


def test_without_a_hub_publishing_notifies_no_one(settings, django_capture_on_commit_callbacks):
    settings.TASKS = DUMMY_TASKS
    settings.WEBSUB_HUB = ""

    with django_capture_on_commit_callbacks(execute=True):
        PostFactory()

    assert hub_notifications() == []


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/authors/anna/feed/atom/"])
def test_xml_feeds_declare_the_hub(client, settings, url):
    settings.WEBSUB_HUB = "https://hub.example/"
    PostFactory(authors=[AuthorFactory(slug="anna")])

    feed = feedparser.parse(client.get(url).content)

    assert not feed.bozo
    assert [link.href for link in feed.feed.links if link.rel == "hub"] == ["https://hub.example/"]


def test_json_feeds_declare_the_hub(client, settings):
    settings.WEBSUB_HUB = "https://hub.example/"

    document = json.loads(client.get("/feed/json/").content)

    assert document["hubs"] == [{"type": "WebSub", "url": "https://hub.example/"}]


def test_without_a_hub_feeds_declare_none(client, settings):
    settings.WEBSUB_HUB = ""

    assert 'rel="hub"' not in client.get("/feed/atom/").content.decode()
    assert "hubs" not in json.loads(client.get("/feed/json/").content)
