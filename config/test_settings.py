"""Cheap, deterministic backends for the test suite."""

import os
from datetime import timedelta

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Local memory, unless REDIS_URL asks for Redis (.ci/run runs the cache tests on it; give
# them a database number of their own: the tests empty it).
if not os.environ.get("REDIS_URL"):
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ["default", "shared", "pages", "query_pages"]
    }
# The whole suite runs with the page cache on: every test that changes content and reads
# a page again proves the invalidation (tests/conftest.py empties the caches between tests).
PAGE_CACHE = True
# Every read asks the shared cache (tests/pagecache/test_generation.py tests the recheck).
GENERATION_RECHECK_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LANGUAGE_CODE = "en"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Publication mails go out at once, as the tests of sending expect;
# tests/newsletter/test_grace_period.py tests the grace period.
NEWSLETTER_GRACE_PERIOD = timedelta(0)
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Login throttling needs a request, which the test client's login() does not pass;
# tests/security/test_login_throttling.py switches it on where it is under test.
AXES_ENABLED = False
# A fixed key for subscribers' addresses; tests of the key file override it with "".
SUBSCRIBER_KEY = "dGVzdC1rZXktZm9yLXN1YnNjcmliZXJzLW9ubHktMzI="
# No build is ever published here, so the refresh a test's commit queues finds none and
# does nothing (tests/edition publishes to folders of its own).
STATIC_EDITION_DEST = str(VAR_DIR / "test-edition-never-published")  # noqa: F405
# The fediverse tests run other servers on 127.0.0.1.
FEDIVERSE_ALLOW_PRIVATE_ADDRESSES = True
