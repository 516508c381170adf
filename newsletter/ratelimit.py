"""Rate limits that hold across server processes.

Hits are counted in the cache when it is shared between processes and increments there are
atomic (Redis, Memcached); otherwise — Django's default local-memory cache is private to
each process — in a database table, and there too while the cache server is unreachable
(see pagecache.resilient_cache). Keys are keyed hashes, never the raw address or IP.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import caches
from django.core.cache.backends.memcached import BaseMemcachedCache
from django.core.cache.backends.redis import RedisCache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .conf import setting
from .models import RateCounter

SHARED_CACHES = (RedisCache, BaseMemcachedCache)


@dataclass(frozen=True)
class RateLimit:
    name: str
    limit: int
    window: timedelta

    def allows(self, value: str) -> bool:
        """Count one hit for `value`; False once it exceeds the limit within the window."""
        digest = salted_hmac("newsletter.ratelimit", value).hexdigest()
        window = int(timezone.now().timestamp() // self.window.total_seconds())
        return counter().hit(f"{self.name}:{digest}", window, self.window) <= self.limit


def per_ip() -> RateLimit:
    return RateLimit("subscribe-ip", setting("NEWSLETTER_LIMIT_PER_IP"), rate_window())


def per_address() -> RateLimit:
    return RateLimit("subscribe-address", setting("NEWSLETTER_LIMIT_PER_ADDRESS"), rate_window())


def rate_window() -> timedelta:
    return setting("NEWSLETTER_RATE_WINDOW")


def counter():
    cache = caches["default"]
    return CacheCounter(cache) if isinstance(cache, SHARED_CACHES) else DatabaseCounter()


class CacheCounter:
    def __init__(self, cache):
        self.cache = cache

    def hit(self, key: str, window: int, length: timedelta) -> int:
        cache_key = f"newsletter:rate:{key}:{window}"
        self.cache.add(cache_key, 0, timeout=int(length.total_seconds()))
        try:
            return self.cache.incr(cache_key)
        except ValueError:  # the counter is not there: the cache server is unreachable
            return DatabaseCounter().hit(key, window, length)


class DatabaseCounter:
    def hit(self, key: str, window: int, length: timedelta) -> int:
        counters = RateCounter.objects.filter(key=key, window=window)
        if not counters.update(hits=F("hits") + 1):
            self._start(key, window, expires_at=timezone.now() + length)
        return counters.values_list("hits", flat=True).get()

    def _start(self, key: str, window: int, expires_at):
        RateCounter.objects.filter(expires_at__lt=timezone.now()).delete()
        try:
            with transaction.atomic():
                RateCounter.objects.create(key=key, window=window, hits=1, expires_at=expires_at)
        except IntegrityError:  # another process started this window first
            RateCounter.objects.filter(key=key, window=window).update(hits=F("hits") + 1)
