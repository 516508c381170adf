"""A reader's way through the column page in a real browser."""

import re
import statistics
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.factories import DisclaimerFactory, PostFactory

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Why Belarus and Kazakhstan took different paths"


def test_a_reader_reads_the_essay_and_jumps_through_its_contents(page, reading_site):
    page.goto(reading_site.get_absolute_url())

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("heading", name="Briefly")).to_be_visible()
    contents = page.get_by_role("navigation", name="In this column")
    expect(contents.get_by_role("link")).to_have_count(7)

    contents.get_by_role("link", name=re.compile(r"^5\. Different relations with the West")).click()

    expect(page).to_have_url(re.compile("#section-5$"))
    expect(page.locator("#section-5")).to_be_in_viewport()
    page.get_by_role("heading", name="Corrections").scroll_into_view_if_needed()
    expect(page.get_by_text("An earlier version misspelt Tokayev’s name.")).to_be_visible()
    expect(page.get_by_text("do not necessarily reflect the editorial position")).to_be_visible()


def test_a_reader_follows_the_author_and_a_tag(page, reading_site):
    page.goto(reading_site.get_absolute_url())

    page.locator(".byline").get_by_role("link", name="Valer Karbalevich").click()
    expect(page).to_have_url(re.compile("/authors/valer-karbalevich/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Valer Karbalevich")

    page.go_back()
    page.get_by_role("navigation", name="Tags").get_by_role("link", name="Kazakhstan").click()
    expect(page).to_have_url(re.compile("/tags/kazakhstan/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kazakhstan")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()


def test_a_reader_moves_to_the_previous_column_in_the_section(page, reading_site):
    page.goto(reading_site.get_absolute_url())

    page.get_by_role("link", name=re.compile("Previous.*What the sanctions changed")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("What the sanctions changed in Minsk")
    page.get_by_role("link", name=re.compile(f"Next.*{TITLE}")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def test_the_column_reads_without_javascript(chromium, live_server, reading_site):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(reading_site.get_absolute_url())

    page.get_by_role("link", name=re.compile(r"^7\.")).click()

    expect(page.locator("#section-7")).to_be_in_viewport()
    share = page.get_by_role("region", name="Share")
    expect(share.get_by_role("link", name="Telegram")).to_have_attribute(
        "href", re.compile(r"^https://t\.me/share/url\?url=http")
    )
    expect(share.get_by_role("button")).to_have_count(0)
    context.close()


def test_copy_link_puts_the_column_address_on_the_clipboard(page, settings, reading_site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(reading_site.get_absolute_url())

    page.get_by_role("button", name="Copy link").click()

    expect(page.get_by_role("status")).to_have_text("Link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == settings.SITE_URL + reading_site.get_absolute_url()


def relative_luminance(css_colour):
    channels = [int(value) / 255 for value in re.findall(r"\d+", css_colour)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground, background):
    lighter, darker = sorted(map(relative_luminance, [foreground, background]), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def body_colours(page):
    return page.evaluate(
        "() => { const style = getComputedStyle(document.body);"
        " return [style.color, style.backgroundColor]; }"
    )


def test_dark_mode_follows_the_reader_s_colour_scheme(page, reading_site):
    page.emulate_media(color_scheme="light")
    page.goto(reading_site.get_absolute_url())
    light_text, light_paper = body_colours(page)

    page.emulate_media(color_scheme="dark")
    dark_text, dark_paper = body_colours(page)

    assert relative_luminance(light_paper) > 0.9 > 0.05 > relative_luminance(dark_paper)
    assert relative_luminance(dark_text) > relative_luminance(light_text)
    assert contrast(light_text, light_paper) >= 7
    assert contrast(dark_text, dark_paper) >= 7


def test_pages_request_nothing_from_other_hosts(page, live_server, reading_site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    for path in ["/", reading_site.get_absolute_url(), "/authors/valer-karbalevich/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")

    assert {urlsplit(url).netloc for url in requested} == {urlsplit(live_server.url).netloc}
    assert any("/static/fonts/" in url for url in requested), "the self-hosted fonts load"
    assert any(url.endswith("/static/js/share.js") for url in requested)


FIRST_LINE_LENGTHS = """() => [...document.querySelectorAll(".post__body > p + p")].map((p) => {
  const text = p.firstChild, range = document.createRange();
  range.setStart(text, 0); range.setEnd(text, 1);
  const top = range.getBoundingClientRect().top;
  for (let i = 1; i < text.length; i++) {
    range.setStart(text, i); range.setEnd(text, i + 1);
    if (range.getBoundingClientRect().top > top + 4) return i;
  }
  return null;
}).filter(Boolean)"""


def test_the_essay_is_set_in_a_comfortable_measure(page, reading_site):
    page.goto(reading_site.get_absolute_url())
    page.evaluate("document.fonts.ready")

    full_lines = page.evaluate(FIRST_LINE_LENGTHS)

    assert len(full_lines) > 20
    assert statistics.median(full_lines) >= 60
    assert max(full_lines) <= 75


def test_print_keeps_the_column_and_disclaimer_without_navigation(page):
    post = PostFactory(
        body='<p>Read <a href="https://example.org/report">the report</a>.</p>',
        disclaimer=DisclaimerFactory(),
    )
    page.goto(post.get_absolute_url())

    page.emulate_media(media="print")

    for hidden in [".site-nav", ".search-form", ".site-footer", ".share", ".subscribe-form"]:
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".disclaimer")).to_be_visible()
    expect(page.get_by_text("the report")).to_be_visible()
    printed_address = page.evaluate(
        "getComputedStyle(document.querySelector('.post__body a'), '::after').content"
    )
    assert printed_address == '" (https://example.org/report)"'


def open_at(chromium, live_server, width, scheme="light"):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}, color_scheme=scheme
    )
    return context.new_page()


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_at_phone_and_desktop_widths(
    chromium, live_server, reading_site, screenshot_dir, width
):
    for scheme in ["light", "dark"]:
        page = open_at(chromium, live_server, width, scheme)
        for name, path in [("post", reading_site.get_absolute_url()), ("index", "/")]:
            page.goto(path)
            page.evaluate("document.fonts.ready")
            page.screenshot(path=screenshot_dir / f"{name}-{width}-{scheme}.png", full_page=True)
        page.context.close()

    assert (screenshot_dir / f"post-{width}-dark.png").stat().st_size > 10_000


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_no_page_scrolls_sideways(chromium, live_server, reading_site, width):
    page = open_at(chromium, live_server, width)

    for path in [reading_site.get_absolute_url(), "/", "/archive/", "/newsletter/"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    page.context.close()


def test_a_reader_subscribes_from_the_author_card(page, reading_site, mailoutbox):
    page.goto(reading_site.get_absolute_url())
    card = page.get_by_role("region", name="Valer Karbalevich")

    card.get_by_label("Your email address").fill("reader@example.org")
    card.get_by_role("button", name="Subscribe").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    assert [message.to for message in mailoutbox] == [["reader@example.org"]]


def test_a_mistyped_address_is_reported_at_the_field(page, reading_site):
    page.goto(reading_site.get_absolute_url())
    card = page.get_by_role("region", name="Valer Karbalevich")

    card.get_by_label("Your email address").fill("reader@example")
    card.get_by_role("button", name="Subscribe").click()

    field = page.get_by_label("Your email address")
    expect(field).to_have_value("reader@example")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile("Enter an email address"))


def test_a_refused_subscription_keeps_the_reader_on_the_column(page, reading_site):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(reading_site.get_absolute_url())
    card = page.get_by_role("region", name="Valer Karbalevich")
    panel = card.locator(".author-card__subscribe").bounding_box()
    assert panel["x"] - card.bounding_box()["x"] < 2  # no gutter under the portrait
    assert panel["width"] >= 375 - 2 * 24  # the page's side padding only

    card.get_by_label("Your email address").fill("reader@example")
    card.get_by_role("button", name="Subscribe").click()

    field = card.get_by_label("Your email address")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_value("reader@example")
    assert urlsplit(page.url).path == reading_site.get_absolute_url()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
