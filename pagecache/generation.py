"""The generation: one token that says "reader-visible content changed".

Every cached page and feed is kept under the current generation's token (see
`pagecache.pages`), so a new generation makes all of them stale at once; nothing else
does. It lives in the "shared" cache — Redis, or a file every process on the machine
reads — with the moment the next scheduled post comes due.

A new generation starts when a transaction that changed a reader-visible model commits
(`renew_after_commit`, once per transaction), and when the stored due moment has passed:
the first reader to notice starts it, under a token every process derives alike. (A
cache that holds no generation yet gets one due at once.)
"""

import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

KEY = "generation"
SCHEDULED_MODEL = "blog.Post"  # its `objects.scheduled()` are the posts still to come due
ONE_SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class Generation:
    token: str
    changed_at: datetime  # whole seconds, as HTTP dates are: the pages' Last-Modified
    next_due: datetime | None

    def is_due(self, now: datetime) -> bool:
        return self.next_due is not None and now >= self.next_due


def current_generation() -> Generation | None:
    """The generation pages are kept under, or None while the shared cache cannot be
    reached (pages are then neither served from the cache nor kept)."""
    shared = caches["shared"]
    generation = _recalled(shared) or _read(shared)
    if generation is not None and generation.is_due(timezone.now()):
        return _renew_when_due(generation)
    return generation


def renew_generation():
    """Start a new generation: every page kept so far is stale."""
    shared = caches["shared"]
    _store(shared, _successor(shared.get(KEY), secrets.token_hex(8)))


def renew_after_commit(using: str):
    """Renew the generation when the transaction on `using` commits (at once outside
    one), however many changes the transaction holds."""
    connection = transaction.get_connection(using)
    if not any(callback is renew_generation for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(renew_generation, using=using)


def _renew_when_due(due: Generation) -> Generation:
    """The generation after `due`, now that its scheduled post has come due. Its token is
    derived from `due`'s, so every process that notices starts the same one."""
    seed = f"{due.token} {due.next_due.isoformat()}".encode()
    successor = _successor(due, hashlib.blake2b(seed, digest_size=8).hexdigest())
    shared = caches["shared"]
    if shared.get(KEY) == due:  # not renewed meanwhile by a commit
        _store(shared, successor)
    return successor


def _read(shared) -> Generation | None:
    generation = shared.get(KEY)
    if generation is None:
        shared.add(KEY, _first_generation(), timeout=None)
        generation = shared.get(KEY)
    if generation is not None:  # else the cache keeps nothing: down, or a DummyCache
        _remember(shared, generation)
    return generation


def _store(shared, generation: Generation):
    shared.set(KEY, generation, timeout=None)
    _remember(shared, generation)


# The generation this process read last, trusted for GENERATION_RECHECK_SECONDS: a page
# served from memory then costs no round trip to Redis. This process's own renewals replace
# it at once; another process's reach it within that time.
_last_read: tuple = (None, None, 0.0)


def _remember(shared, generation: Generation):
    global _last_read
    _last_read = (shared, generation, time.monotonic() + settings.GENERATION_RECHECK_SECONDS)


def _recalled(shared) -> Generation | None:
    cache, generation, until = _last_read
    return generation if cache is shared and time.monotonic() < until else None


def _first_generation() -> Generation:
    """A generation for a cache that holds none (the first start, a flushed Redis), due
    at once, so that its reader works out when the next scheduled post comes due — unless
    the cache keeps nothing, which then costs no query."""
    now = timezone.now().replace(microsecond=0)
    return Generation(token=secrets.token_hex(8), changed_at=now, next_due=now)


def _successor(previous: Generation | None, token: str) -> Generation:
    now = timezone.now().replace(microsecond=0)
    changed_at = max(now, previous.changed_at + ONE_SECOND) if previous else now
    return Generation(token=token, changed_at=changed_at, next_due=_next_due())


def _next_due() -> datetime | None:
    scheduled = apps.get_model(SCHEDULED_MODEL).objects.scheduled()
    return scheduled.aggregate(next_due=Min("publish_at"))["next_due"]
