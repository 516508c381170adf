from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from editorial.demo import load_demo
from pagecache.generation import renew_generation
from tests.mirrors.hosts import MAIN, MIRROR, ONION
from tests.mirrors.servers import MirrorServer


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches (the database is rolled back, the cache is not)."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def demo_post(db):
    """The shipped demo column, loaded as `make run` loads it."""
    return load_demo()


@pytest.fixture(autouse=True)
def transactions_commit_for_the_page_cache(monkeypatch):
    """Each test runs inside a transaction that never commits, so the generation's renewal
    on commit would never run. Here, leaving the outermost atomic block the test itself
    opened counts as its commit, and a change made outside any counts at once, as in
    autocommit: pages go stale when they would in production, and only then."""
    on_commit, leave_atomic = BaseDatabaseWrapper.on_commit, transaction.Atomic.__exit__

    def register(connection, func, robust=False):
        on_commit(connection, func, robust)
        run_renewals_if_committed(connection)

    def leave(block, *exc_info):
        leave_atomic(block, *exc_info)
        run_renewals_if_committed(transaction.get_connection(block.using))

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", register)
    monkeypatch.setattr(transaction.Atomic, "__exit__", leave)


def run_renewals_if_committed(connection):
    if any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks):
        return
    renewals = [entry for entry in connection.run_on_commit if entry[1] is renew_generation]
    for entry in renewals:
        connection.run_on_commit.remove(entry)
        renew_generation()


@pytest.fixture
def hosts(settings):
    """The site on MAIN, with the mirror MIRROR and the onion address ONION (tests/mirrors)."""
    settings.SITE_URL = MAIN
    settings.MIRROR_ORIGINS = [MIRROR]
    settings.ONION_ORIGIN = ONION
    settings.ALLOWED_HOSTS = [urlsplit(origin).hostname for origin in (MAIN, MIRROR, ONION)]
    settings.CSRF_TRUSTED_ORIGINS = [MIRROR, ONION]


@pytest.fixture
def mirror_server():
    """Start HTTP servers standing in for mirrors (`mirror_server(page)`); all are stopped
    after the test."""
    started = []

    def start(page=""):
        started.append(MirrorServer(page))
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Run `action` (a callable that publishes) and the on-commit work it triggers."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run
