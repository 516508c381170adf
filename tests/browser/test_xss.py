"""The XSS corpus (tests/security/xss_vectors.py) in every reader-visible field, loaded in
Chromium: the marker `__xss()` that every vector calls is never called, no dialog opens, and
the Content-Security-Policy never has to block anything.

Each page is loaded twice: as served (with its CSP), and as bare HTML put into a blank page
with `set_content` (no CSP at all), so escaping and sanitising alone are shown to hold.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.security.hostile_site import build_hostile_site, pack
from tests.security.xss_vectors import VECTORS

pytestmark = pytest.mark.django_db(transaction=True)

MARKER = """
window.__xssCalls = [];
window.__xss = (number) => {
  window.__xssCalls.push(number);
  if (window.__xssReport) window.__xssReport(`marker ${number}`);
};
document.addEventListener("securitypolicyviolation", (event) => {
  if (window.__xssReport) window.__xssReport(`CSP blocked ${event.violatedDirective}`);
});
"""


class Watch:
    """Everything that ran that should not have: marker calls, dialogs, CSP violations."""

    def __init__(self, page):
        self.page = page
        self.events = []
        page.context.expose_function("__xssReport", self._record)
        page.add_init_script(MARKER)
        page.on("dialog", self._dialog)

    def _record(self, what):
        self.events.append(f"{self.page.url}: {what}")

    def _dialog(self, dialog):
        self.events.append(f"{self.page.url}: dialog {dialog.message!r}")
        dialog.dismiss()

    def visit(self, path):
        """Load `path` as served, then its HTML again without the policy."""
        response = self.page.goto(path, wait_until="load")
        assert response.ok, path
        self.settle()
        self.show(response.text(), path)

    def fetch(self, url):
        """Render the HTML served at `url` without its policy (quicker than a navigation)."""
        response = self.page.request.get(url)
        assert response.ok, url
        self.show(response.text(), url)

    def show(self, html, label):
        """Render `html` in a blank page without any policy, as a browser would parse it."""
        self.page.set_content(html, wait_until="load")
        self.settle()
        self.events.extend(f"{label} (bare): marker {call}" for call in self.page_calls())

    def settle(self):
        """Let autofocus, animation and other after-load events fire."""
        self.page.evaluate("new Promise((done) => requestAnimationFrame(() => setTimeout(done)))")

    def page_calls(self):
        return [
            call
            for frame in self.page.frames
            for call in (
                frame.evaluate("window.__xssCalls || []") if not frame.is_detached() else []
            )
        ]


@pytest.fixture
def watch(page):
    return Watch(page)


@pytest.fixture
def hostile_site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_hostile_site()


def test_no_vector_runs_on_any_page_or_feed(watch, hostile_site, live_server):
    samples = [*hostile_site.sample_pages(), *hostile_site.feeds()]
    for path in samples:
        watch.visit(path)
    for path in set(hostile_site.pages()) - set(samples):
        watch.fetch(f"{live_server.url}{path}")

    assert watch.events == []


def test_no_vector_runs_in_search_results(watch, live_server):
    for query in pack(VECTORS, 200):
        watch.fetch(f"{live_server.url}{reverse('blog:search')}?q={quote(query)}")

    assert watch.events == []

    assert watch.events == []


def test_no_vector_runs_in_subscribe_form_errors(watch, live_server, settings):
    settings.NEWSLETTER_LIMIT_PER_IP = 10_000
    for address in pack(VECTORS, 254):
        response = watch.page.request.post(
            f"{live_server.url}{reverse('newsletter:subscribe')}",
            form={"email": address, "follow": "all"},
        )
        assert response.status == 400
        watch.show(response.text(), address)

    assert watch.events == []
