"""axe-core (shipped by axe-playwright-python) finds no WCAG violations on the reader pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def reader_pages(post):
    published = timezone.localtime(post.publish_at)
    return [
        "/",
        post.get_absolute_url(),
        "/authors/valer-karbalevich/",
        "/sections/blogs/",
        "/tags/belarus/",
        "/authors/",
        "/archive/",
        f"/archive/{published:%Y}/",
        f"/archive/{published:%Y/%m}/",
        "/corrections/",
        "/newsletter/",
        "/no-such-page/",
    ]


def violations_here(page, name):
    results = Axe().run(page)
    return {name: results.generate_report()} if results.violations_count else {}


def violations(page, paths):
    found = {}
    for path in paths:
        page.goto(path)
        found.update(violations_here(page, path))
    return found


def report(found):
    return "\n\n".join(f"{where}\n{details}" for where, details in found.items())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reader_pages_have_no_accessibility_violations(page, reading_site, scheme):
    page.emulate_media(color_scheme=scheme)

    found = violations(page, reader_pages(reading_site))

    assert not found, report(found)


def test_the_subscribe_pages_have_no_accessibility_violations(page, reading_site):
    page.goto("/newsletter/")
    page.get_by_label("Your email address").fill("not an address")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_label("Your email address")).to_have_attribute("aria-invalid", "true")
    found = violations_here(page, "subscribe form with an error")

    page.get_by_label("Your email address").fill("reader@example.org")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    found.update(violations_here(page, "subscribe result"))

    assert not found, report(found)


def test_the_skip_link_is_first_and_leads_to_the_main_content(page, reading_site):
    page.goto(reading_site.get_absolute_url())

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "none"
    page.keyboard.press("Tab")
    focused_outline = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    assert focused_outline == "3px", "keyboard focus is visible"
