"""While Redis is down, readers get fresh pages, editors and subscribers get their work
done, one warning says so, and caching resumes by itself once Redis answers again."""

import logging
import time
import uuid

import pytest
import redis
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from config.settings import caches_from_environment
from newsletter.models import RateCounter
from tests.editorial.admin_client import change_url, form_data
from tests.factories import PostFactory, UserFactory
from tests.newsletter.helpers import subscribe

from .tcp_relay import Relay

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:1/0"
REDIS = ("127.0.0.1", 6379)
PASSWORD = "a long test password"


@pytest.fixture
def redis_at(monkeypatch, settings):
    """Configure the caches as production does for a Redis at `url`; returns the key prefix."""

    def configure(url, retry_after=None):
        prefix = f"test-{uuid.uuid4().hex}"
        monkeypatch.setenv("REDIS_URL", url)
        monkeypatch.setenv("CACHE_KEY_PREFIX", prefix)
        configured = caches_from_environment()
        if retry_after is not None:
            configured["shared"]["RETRY_AFTER"] = configured["default"]["RETRY_AFTER"] = retry_after
        settings.CACHES = configured
        return prefix

    return configure


@pytest.fixture
def redis_down(redis_at):
    redis_at(DEAD_REDIS)


@pytest.fixture
def hanging_redis(redis_at):
    """A Redis that accepts connections and never answers."""
    hanging = Relay().open()
    redis_at(f"redis://127.0.0.1:{hanging.port}/0")
    yield hanging
    hanging.cut()


@pytest.fixture
def relayed_redis(redis_at):
    """The real Redis (database 15) behind a relay the test can cut and restore; tried
    again a tenth of a second after a failure."""
    server = redis.Redis(host=REDIS[0], port=REDIS[1], db=15)
    try:
        server.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    relay = Relay(REDIS).open()
    prefix = redis_at(f"redis://127.0.0.1:{relay.port}/15", retry_after=0.1)
    yield relay
    relay.cut()
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


@pytest.fixture
def post():
    return PostFactory(title="The original title")


def reader_pages(post):
    return [post.get_absolute_url(), "/", "/feed/"]


def edit_title(post):
    post.title = "The edited title"
    post.save()


@pytest.mark.usefixtures("redis_down")
def test_readers_get_the_post_page_index_and_feed_while_redis_is_down(client, post):
    for url in reader_pages(post):
        for _visit in range(2):
            assertContains(client.get(url), "The original title")


@pytest.mark.usefixtures("redis_down")
def test_a_change_is_on_the_next_page_while_redis_is_down(client, post):
    for url in reader_pages(post):
        client.get(url)

    edit_title(post)

    for url in reader_pages(post):
        assertContains(client.get(url), "The edited title")


def test_one_warning_says_redis_is_unreachable_however_often_it_is_tried(
    client, post, redis_at, caplog
):
    redis_at(DEAD_REDIS, retry_after=0)

    with caplog.at_level(logging.WARNING):
        for url in reader_pages(post):
            assertContains(client.get(url), "The original title")

    [warning] = [record for record in caplog.records if record.name == "pagecache.resilient_cache"]
    assert warning.levelno == logging.WARNING
    assert "127.0.0.1:1" in warning.getMessage()


def test_a_redis_that_does_not_answer_costs_one_timeout_not_one_per_cache_read(
    client, post, hanging_redis
):
    for url in reader_pages(post):
        assertContains(client.get(url), "The original title")

    assert hanging_redis.accepted == 1


@pytest.mark.usefixtures("redis_down")
def test_subscribing_is_still_rate_limited_in_the_database_while_redis_is_down(client, settings):
    settings.NEWSLETTER_LIMIT_PER_ADDRESS = 1

    first = subscribe(client, "reader@example.org")
    second = subscribe(client, "reader@example.org")

    assert (first.status_code, second.status_code) == (302, 429)
    assert RateCounter.objects.exists()


@pytest.mark.usefixtures("redis_down")
def test_an_editor_signs_in_and_edits_while_redis_is_down_and_readers_see_it(
    client, post, settings
):
    settings.AXES_ENABLED = True
    editor = UserFactory(is_superuser=True)
    signed_in = client.post(
        reverse("admin:login"), {"username": editor.username, "password": PASSWORD}
    )
    assert signed_in.status_code == 302

    data = form_data(client.get(change_url(post))) | {"title": "The edited title"}
    assert client.post(change_url(post), data).status_code == 302

    assertContains(Client().get(post.get_absolute_url()), "The edited title")


def test_caching_resumes_without_stale_pages_when_redis_answers_again(
    client, post, relayed_redis, django_assert_num_queries
):
    url = post.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(0):
        assertContains(client.get(url), "The original title")

    relayed_redis.cut()
    edit_title(post)
    assertContains(client.get(url), "The edited title")

    relayed_redis.open()
    time.sleep(0.2)

    assertContains(client.get(url), "The edited title")
    with django_assert_num_queries(0):
        assertContains(client.get(url), "The edited title")
