"""Cached pages are served before the work they do not need — by the WSGI front under
gunicorn, by the first middleware elsewhere — with the same bytes and headers."""

import io
from contextlib import contextmanager

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from pytest_django.asserts import assertContains

from blog.models import Post
from config.wsgi import application
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def wsgi_get(path, **headers) -> tuple[str, dict, bytes]:
    environ = {
        "REQUEST_METHOD": headers.pop("method", "GET"),
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    answered = {}

    def start_response(status, response_headers, exc_info=None):
        answered.update(status=status, headers=dict(response_headers))

    with connection_kept_open():
        body = b"".join(application(environ, start_response))
    return answered["status"], answered["headers"], body


@contextmanager
def connection_kept_open():
    """As Django's test client does: a request must not close the connection whose
    transaction holds the test's data (on PostgreSQL it would)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.fixture
def post():
    return PostFactory(title="The original title")


def test_the_wsgi_front_answers_a_cached_page_with_its_headers(client, post):
    rendered = client.get(post.get_absolute_url())
    Post.objects.filter(pk=post.pk).update(title="Changed behind the cache's back")

    status, headers, body = wsgi_get(post.get_absolute_url())

    assert status == "200 OK"
    assert body == rendered.content
    for name in ["Content-Security-Policy", "X-Frame-Options", "ETag", "Vary", "Cache-Control"]:
        assert headers[name] == rendered[name]
    assert "nonce-" not in headers["Content-Security-Policy"]


def test_the_wsgi_front_answers_304_and_head_without_a_body(client, post):
    etag = client.get(post.get_absolute_url())["ETag"]

    not_modified = wsgi_get(post.get_absolute_url(), if_none_match=etag)
    head = wsgi_get(post.get_absolute_url(), method="HEAD")

    assert (not_modified[0], not_modified[2]) == ("304 Not Modified", b"")
    assert not_modified[1]["ETag"] == etag
    assert (head[0], head[2]) == ("200 OK", b"")


def test_cookies_without_personal_state_still_get_the_cached_page(post):
    Client().get(post.get_absolute_url())
    Post.objects.filter(pk=post.pk).update(title="Changed behind the cache's back")
    reader = Client()
    reader.cookies.load({"csrftoken": "x" * 32, "_ga": "GA1.2.3", "lb": "server-2"})

    assertContains(reader.get(post.get_absolute_url()), "The original title")


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_session_or_messages_cookie_gets_a_fresh_private_page(post, cookie):
    Client().get(post.get_absolute_url())
    Post.objects.filter(pk=post.pk).update(title="Changed behind the cache's back")
    reader = Client()
    reader.cookies.load({cookie: "something"})

    response = reader.get(post.get_absolute_url())

    assertContains(response, "Changed behind the cache&#x27;s back")
    assert "private" in response["Cache-Control"]
    _status, _headers, body = wsgi_get(post.get_absolute_url(), cookie=f"{cookie}=something")
    assert b"Changed behind the cache" in body


def test_search_pages_are_kept_apart_from_the_posts(client, post, settings):
    small = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {}}
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {**small, "LOCATION": "small-shared"},
        "pages": {**small, "LOCATION": "small-pages", "OPTIONS": {"MAX_ENTRIES": 5}},
        "query_pages": {**small, "LOCATION": "small-queries", "OPTIONS": {"MAX_ENTRIES": 5}},
    }
    client.get(post.get_absolute_url())
    for n in range(30):
        client.get(f"/search/?q=word{n}")
    Post.objects.filter(pk=post.pk).update(title="Changed behind the cache's back")

    assertContains(client.get(post.get_absolute_url()), "The original title")
