"""Reading alone never renews the generation, whatever the cache backends, and with DEBUG
on (as `make run` serves) a template edit shows on the next request."""

import uuid

import pytest
import redis
from django.template.autoreload import reset_loaders
from pytest_django.asserts import assertContains

from config.settings import caches_from_environment
from pagecache.generation import current_generation
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

READS = 10_000
REDIS_URL = "redis://127.0.0.1:6379/5"


@pytest.fixture
def production_caches(settings, tmp_path, monkeypatch):
    """The caches production configures without REDIS_URL: the generation in a file."""
    monkeypatch.setattr("config.settings.VAR_DIR", tmp_path)
    monkeypatch.delenv("REDIS_URL", raising=False)
    settings.CACHES = caches_from_environment()


@pytest.fixture
def redis_caches(settings, monkeypatch):
    """The caches production configures with REDIS_URL (database 5, a prefix of its own)."""
    prefix = f"test-{uuid.uuid4().hex}"
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    monkeypatch.setenv("REDIS_URL", REDIS_URL)
    monkeypatch.setenv("CACHE_KEY_PREFIX", prefix)
    settings.CACHES = caches_from_environment()
    yield
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


def read_distinct_pages(client, posts):
    for n in range(READS):
        url = posts[n % len(posts)].get_absolute_url() if n % 10 == 0 else f"/robots.txt?n={n}"
        assert client.get(url).status_code in (200, 404)


@pytest.mark.parametrize("backends", ["production_caches", "redis_caches"])
def test_ten_thousand_reads_of_distinct_pages_never_renew_the_generation(client, backends, request):
    request.getfixturevalue(backends)
    posts = PostFactory.create_batch(3)
    client.get("/")
    token = current_generation().token

    read_distinct_pages(client, posts)

    assert current_generation().token == token


def test_with_debug_on_a_template_edit_shows_on_the_next_request(client, settings, tmp_path):
    settings.DEBUG, settings.PAGE_CACHE = True, False
    override = tmp_path / "includes" / "site_footer.html"
    override.parent.mkdir()
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    post = PostFactory()
    override.write_text("<footer>The first footer</footer>")
    assertContains(client.get(post.get_absolute_url()), "The first footer")

    override.write_text("<footer>The edited footer</footer>")
    reset_loaders()  # what runserver does when a template changes

    assertContains(client.get(post.get_absolute_url()), "The edited footer")
