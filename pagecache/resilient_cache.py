"""Django's Redis cache, for a site that can do without it.

Pages and feeds are only faster for the cache (see pagecache), so while the Redis server
is down or does not answer in time, this backend acts as an empty cache that keeps
nothing: a read is a miss, a write is dropped, and `incr` finds no counter
(ValueError, as for a missing key). After a failure the server is left alone for
RETRY_AFTER seconds (a key of the CACHES entry, default 5): a dead server costs one
socket timeout in that time, not one per cache read. Then the next operation tries again,
and caching resumes by itself once the server answers.

A write or delete that cannot reach the server deletes its key as soon as the server
answers again: what the key held (the generation) must not outlive the outage. A warning
says the server is unreachable, at most once a minute for each cache (and thread).
"""

import logging
import time
from functools import partial

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis import exceptions

logger = logging.getLogger(__name__)

UNREACHABLE = (exceptions.ConnectionError, exceptions.TimeoutError)
WARNING_INTERVAL = 60


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = partial(ResilientRedisCacheClient, retry_after=params.get("RETRY_AFTER", 5))


class ResilientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, retry_after, **options):
        super().__init__(servers, **options)
        self._retry_after = retry_after
        self._down_until = self._warned_at = float("-inf")
        self._undone_deletes = set()
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        """One redis client per connection pool, made once: Django makes one per command,
        and making one costs more CPU than the command."""
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]

    def get(self, key, default):
        return self._unless_down(default, super().get, key, default)

    def get_many(self, keys):
        return self._unless_down({}, super().get_many, keys)

    def has_key(self, key):
        return self._unless_down(False, super().has_key, key)

    def add(self, key, value, timeout):
        return self._unless_down(False, super().add, key, value, timeout)

    def set(self, key, value, timeout):
        self._unless_down(None, super().set, key, value, timeout, deleting=[key])

    def set_many(self, data, timeout):
        self._unless_down(None, super().set_many, data, timeout, deleting=list(data))

    def touch(self, key, timeout):
        return self._unless_down(False, super().touch, key, timeout)

    def incr(self, key, delta):
        value = self._unless_down(None, super().incr, key, delta)
        if value is None:
            raise ValueError(f"Key '{key}' not found: the cache server is unreachable.")
        return value

    def delete(self, key):
        return self._unless_down(False, super().delete, key, deleting=[key])

    def delete_many(self, keys):
        self._unless_down(None, super().delete_many, keys, deleting=keys)

    def clear(self):
        return self._unless_down(False, super().clear)

    def _unless_down(self, fallback, operation, *args, deleting=()):
        """`operation(*args)`, or `fallback` when the server cannot be reached; the keys it
        was `deleting` (or writing) are then deleted as soon as the server answers again."""
        if time.monotonic() >= self._down_until:
            try:
                self._delete_undone()
                return operation(*args)
            except UNREACHABLE as error:
                self._went_down(error)
        self._undone_deletes.update(deleting)
        return fallback

    def _delete_undone(self):
        if self._undone_deletes:
            super().delete_many(list(self._undone_deletes))
            self._undone_deletes.clear()

    def _went_down(self, error):
        now = time.monotonic()
        self._down_until = now + self._retry_after
        if now >= self._warned_at + WARNING_INTERVAL:
            self._warned_at = now
            logger.warning(
                "Cache server unreachable, caching is skipped until it answers: %s", error
            )
