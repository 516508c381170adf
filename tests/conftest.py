import pytest
from django.core.cache import caches

from editorial.demo import load_demo


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches (the database is rolled back, the cache is not)."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def demo_post(db):
    """The shipped demo column, loaded as `make run` loads it."""
    return load_demo()
