"""nginx as `make bench` runs it: the shipped server block (deploy/nginx-edition.conf) on a
free port, serving an edition's files with their types, cache and security headers, and
its 404 page."""

import urllib.error
import urllib.request

import pytest

from bench.nginx import nginx, nginx_binary

pytestmark = pytest.mark.skipif(not nginx_binary(), reason="nginx is not installed")


def get(url):
    try:
        return urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        return error


def test_the_shipped_configuration_serves_an_edition(tmp_path):
    edition = tmp_path / "edition"
    (edition / "posts/essay").mkdir(parents=True)
    (edition / "posts/essay/index.html").write_text("<!doctype html><title>Essay</title>")
    (edition / "404.html").write_text('<!doctype html><head><a href="index.html">Home</a>')
    (edition / "pagefind").mkdir()
    (edition / "pagefind/wasm.en.pagefind").write_bytes(b"\0asm")

    with nginx(edition, 1, tmp_path / "nginx") as server:
        page = get(server.url + "/posts/essay/")
        missing = get(server.url + "/posts/gone/")
        wasm = get(server.url + "/pagefind/wasm.en.pagefind")
        posted = get(urllib.request.Request(server.url + "/posts/essay/", method="POST"))

    assert page.status == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert page.headers["Cache-Control"] == "max-age=60"
    assert "'wasm-unsafe-eval'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert missing.status == 404
    assert missing.read().startswith(b'<!doctype html><head><base href="/">')
    assert wasm.headers["Content-Type"] == "application/wasm"
    assert posted.status == 403
