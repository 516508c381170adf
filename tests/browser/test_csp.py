"""The Content-Security-Policy in Chromium: the reader pages and the admin, rich-text editor
included, work without the browser having to block anything — and an injected inline script
would be blocked."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password"
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(page):
    page.add_init_script(RECORD_VIOLATIONS)
    return page


def violations(page):
    return page.evaluate("window.__violations")


def test_reader_pages_need_no_exception_to_the_policy(watched, demo_post):
    for url in ["/", demo_post.get_absolute_url(), demo_post.byline[0].get_absolute_url()]:
        watched.goto(url)
        assert violations(watched) == [], url


def test_the_admin_and_its_rich_text_editor_work_under_the_admin_policy(watched, demo_post):
    UserFactory(username="editor", is_superuser=True)
    watched.goto(reverse("admin:login"))
    watched.fill("#id_username", "editor")
    watched.fill("#id_password", PASSWORD)
    watched.get_by_role("button", name="Log in").click()

    watched.goto(reverse("admin:blog_post_change", args=[demo_post.pk]))

    editor = watched.locator(".field-body .ProseMirror[contenteditable=true]")
    editor.wait_for()
    assert "Lukashenka" in editor.inner_text()
    assert violations(watched) == []


def test_an_injected_inline_script_would_be_blocked(watched, demo_post):
    watched.goto(demo_post.get_absolute_url())

    ran = watched.evaluate(
        """() => new Promise((done) => {
          window.__ran = false;
          const script = document.createElement("script");
          script.textContent = "window.__ran = true";
          document.body.append(script);
          setTimeout(() => done(window.__ran), 50);
        })"""
    )

    assert ran is False
    assert any(line.startswith("script-src") for line in violations(watched))
