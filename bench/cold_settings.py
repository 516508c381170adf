"""The product's settings with nothing cached at all: every cache alias is a DummyCache, so
each request renders its page from the database (the benchmark's honest cold render)."""

from config.settings import *  # noqa: F403  (the product's settings, with one change below)
from config.settings import CACHES as PRODUCT_CACHES

CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"} for alias in PRODUCT_CACHES
}
