"""Server CPU per cached request, measured in-process with time.process_time() (not wall
time: the machine is shared): Columnist's cached post page through its WSGI front and
through Django's handler alone, against a bare WSGI app and a one-view Django app
returning the same bytes.

    DJANGO_SETTINGS_MODULE=config.settings PAGE_CACHE=on python bench/hit_cpu.py [CALLS]

Uses the configured database (the demo column must be loaded) and caches.
"""

import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("PAGE_CACHE", "on")

from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpResponse
from django.test.utils import override_settings
from django.urls import path

from config.wsgi import application, django_application

POST = "/posts/why-belarus-and-kazakhstan-took-different-paths/"


def environ(path_info: str) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_ACCEPT_LANGUAGE": "en",
        "HTTP_COOKIE": "csrftoken=" + "a" * 32 + "; _ga=GA1.2.3",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "SERVER_PROTOCOL": "HTTP/1.1",
    }


def call(app, path_info: str) -> tuple[str, bytes]:
    answered = {}

    def start_response(status, headers, exc_info=None):
        answered["status"] = status

    body = b"".join(app(environ(path_info), start_response))
    return answered["status"], body


def cpu_ms(app, path_info: str, calls: int) -> float:
    call(app, path_info)
    started = time.process_time()
    for _ in range(calls):
        call(app, path_info)
    return (time.process_time() - started) * 1000 / calls


def bare_wsgi(body: bytes):
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]

    def app(environ, start_response):
        start_response("200 OK", headers)
        return [body]

    return app


class OneView:
    def __init__(self, body: bytes):
        self.urlpatterns = [path("", lambda request: HttpResponse(body))]


def main(calls: int):
    status, body = call(application, POST)
    call(application, POST)
    assert status.startswith("200"), status
    bare = cpu_ms(bare_wsgi(body), "/", calls)
    with override_settings(ROOT_URLCONF=OneView(body), MIDDLEWARE=[]):
        one_view = cpu_ms(WSGIHandler(), "/", calls)
    front = cpu_ms(application, POST, calls)
    middleware = cpu_ms(django_application, POST, calls)
    print(f"{'per request, ms of CPU':40} {calls} calls, {len(body)} bytes")
    for name, ms in [
        ("bare WSGI app (ceiling)", bare),
        ("one-view Django app (floor)", one_view),
        ("cached post page, WSGI front", front),
        ("cached post page, middleware only", middleware),
    ]:
        print(f"{name:40} {ms:.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
