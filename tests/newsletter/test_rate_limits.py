import uuid
from datetime import timedelta

import pytest
import redis
from django.core.cache import caches
from django.utils import timezone
from pytest_django.asserts import assertContains

from newsletter import ratelimit
from newsletter.models import RateCounter, Subscriber

from .helpers import subscribe

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/13"


def from_ip(ip):
    return {"REMOTE_ADDR": ip}


def test_an_address_is_limited_whatever_the_ip(client, settings):
    settings.NEWSLETTER_LIMIT_PER_ADDRESS = 2
    answers = [subscribe(client, "reader@example.org", **from_ip(f"10.0.0.{n}")) for n in range(3)]

    assert [answer.status_code for answer in answers] == [302, 302, 429]
    assertContains(answers[-1], "Too many attempts", status_code=429)
    assertContains(answers[-1], 'value="reader@example.org"', status_code=429)


def test_an_ip_is_limited_whatever_the_address(client, settings):
    settings.NEWSLETTER_LIMIT_PER_IP = 3
    answers = [subscribe(client, f"reader{n}@example.org", **from_ip("10.0.0.1")) for n in range(4)]

    assert [answer.status_code for answer in answers] == [302, 302, 302, 429]
    assert Subscriber.objects.count() == 3


def test_the_limit_lifts_when_the_window_passes(client, settings, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    settings.NEWSLETTER_LIMIT_PER_IP = 1
    subscribe(client, "first@example.org")
    assert subscribe(client, "second@example.org").status_code == 429

    time_machine.shift(timedelta(hours=1, seconds=1))

    assert subscribe(client, "second@example.org").status_code == 302


def test_a_process_local_cache_falls_back_to_the_shared_database(client):
    subscribe(client, "reader@example.org", **from_ip("10.9.8.7"))

    assert isinstance(ratelimit.counter(), ratelimit.DatabaseCounter)
    keys = list(RateCounter.objects.values_list("key", flat=True))
    assert len(keys) == 2
    assert not any("reader" in key or "10.9.8.7" in key for key in keys)


def test_the_database_counter_forgets_old_windows():
    limit = ratelimit.RateLimit("test", limit=5, window=timedelta(minutes=1))
    limit.allows("someone")
    RateCounter.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    limit.allows("someone else")

    assert RateCounter.objects.count() == 1


@pytest.fixture
def redis_cache(settings):
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        },
    }
    yield caches["default"]
    caches["default"].clear()


def test_with_redis_the_limit_is_counted_in_the_shared_cache(client, settings, redis_cache):
    settings.NEWSLETTER_LIMIT_PER_ADDRESS = 1

    first = subscribe(client, "reader@example.org")
    second = subscribe(client, "reader@example.org")

    assert isinstance(ratelimit.counter(), ratelimit.CacheCounter)
    assert (first.status_code, second.status_code) == (302, 429)
    assert not RateCounter.objects.exists()
