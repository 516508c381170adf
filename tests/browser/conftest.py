"""Real-browser tests: Playwright driving Debian's Chromium against the live test server.

They are skipped only where /usr/bin/chromium is missing on a developer's machine; in CI
(CI=true) a missing browser fails the run instead.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission

from blog.models import Correction
from blog.roles import grant_roles
from tests.factories import PostFactory

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(
                "CI needs /usr/bin/chromium for the browser tests (apt-get install chromium)"
            )
        pytest.skip("Debian's Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser page; `page.goto(path)` may take a path relative to the live server."""
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def reading_site(demo_post):
    """The demo column with a correction, and an earlier column on its tags in its section."""
    PostFactory(
        title="What the sanctions changed in Minsk",
        section=demo_post.section,
        tags=["Belarus"],
        publish_at=demo_post.publish_at - timedelta(days=40),
    )
    Correction.objects.create(post=demo_post, text="An earlier version misspelt Tokayev’s name.")
    return demo_post


@pytest.fixture(autouse=True)
def roles(request):
    """The groups a migration created, again for each test with a database of its own:
    another live-server test may have emptied the database since."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        grant_roles(Group, Permission)
