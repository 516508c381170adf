"""The ceiling (bare WSGI) and the floor (a one-view Django project) answer the post page's
URL with exactly the bytes they are given, under the site's gunicorn settings; the cold
settings cache nothing at all."""

import os

import pytest

from bench.servers import fetch, gunicorn

POST = "/posts/why-belarus-and-kazakhstan-took-different-paths/"


@pytest.mark.parametrize("app", ["bench.ceiling:application", "bench.floor:application"])
def test_a_reference_app_returns_the_post_page_s_exact_bytes(app, tmp_path):
    body = tmp_path / "post.html"
    body.write_bytes("<!doctype html><title>Чаму Беларусь і Казахстан</title>\r\n".encode())
    env = os.environ | {"BENCH_BODY": str(body)}

    with gunicorn(app, 1, env, tmp_path / "gunicorn.log") as server:
        status, content = fetch(server.url + POST)
        assert server.cpu_seconds() > 0

    assert (status, content) == (200, body.read_bytes())


def test_the_cold_settings_make_every_cache_alias_a_dummy_cache():
    from bench import cold_settings
    from config import settings

    backends = {alias: cache["BACKEND"] for alias, cache in cold_settings.CACHES.items()}

    assert set(backends) == set(settings.CACHES)
    assert set(backends.values()) == {"django.core.cache.backends.dummy.DummyCache"}
