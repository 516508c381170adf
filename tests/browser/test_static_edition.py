"""The static edition read in Chromium from another host and a path prefix (Python's
http.server on 127.0.0.1 serving a folder that holds it at /some/prefix/): a reader goes
from the front page to the essay and to its author, and searches it with Pagefind, and
the browser never asks the main host for anything."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from bench.nginx import nginx, nginx_binary

MAIN_HOST = "columnist.example"
ESSAY = "Why Belarus and Kazakhstan took different paths"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def main_site(demo_post, settings):
    settings.SITE_URL = f"https://{MAIN_HOST}"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, MAIN_HOST]


@pytest.fixture
def edition_server(main_site, tmp_path):
    call_command("publish_static", "--dest", str(tmp_path / "some" / "prefix"), stdout=None)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=tmp_path))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/some/prefix/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def reader(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requested, page.console = [], []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("console", lambda message: page.console.append(message.text))
    yield page
    context.close()


def test_a_reader_browses_and_searches_the_edition_without_the_main_host(edition_server, reader):
    reader.goto(edition_server + "index.html")
    reader.get_by_role("link", name=ESSAY).first.click()
    reader.wait_for_url(
        "**/some/prefix/posts/why-belarus-and-kazakhstan-took-different-paths/index.html"
    )
    assert reader.locator("h1").first.inner_text() == ESSAY
    reader.locator(".post__header").get_by_role("link", name="Valer Karbalevich").first.click()
    reader.wait_for_url("**/some/prefix/authors/valer-karbalevich/index.html")

    reader.locator("#site-search").fill("Tokayev")
    reader.locator("#site-search").press("Enter")
    reader.wait_for_url("**/some/prefix/search/index.html?q=Tokayev")
    result = reader.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    assert result.inner_text() == ESSAY
    result.click()
    reader.wait_for_url(
        "**/some/prefix/posts/why-belarus-and-kazakhstan-took-different-paths/index.html"
    )

    hosts = {urlsplit(url).netloc for url in reader.requested}
    assert hosts == {urlsplit(edition_server).netloc}
    assert any("/some/prefix/pagefind/" in url for url in reader.requested)


@pytest.mark.skipif(not nginx_binary(), reason="nginx is not installed")
def test_search_works_under_the_shipped_nginx_configuration_and_its_policy(
    main_site, reader, tmp_path
):
    call_command("publish_static", "--dest", str(tmp_path / "edition"), stdout=None)
    with nginx(tmp_path / "edition", 1, tmp_path / "nginx") as server:
        response = reader.goto(server.url + "/search/?q=Tokayev")
        result = reader.locator(".pagefind-ui__result-link").first
        result.wait_for(timeout=15000)
        assert result.inner_text() == ESSAY
        reader.goto(server.url + "/no/such/page/")
        reader.get_by_role("link", name="Read the latest columns").click()
        reader.wait_for_url(server.url + "/index.html")

    assert "'wasm-unsafe-eval'" in response.headers["content-security-policy"]
    assert not [text for text in reader.console if "Content Security Policy" in text]
