"""The post form as the desk sees it, in a real browser at 1280 and 375 px: a full-width
title, a body editor of useful height whose toolbar icons render, and the search preview
that follows the title as it is typed. Regenerate var/screenshots/post-form-*.png with
`pytest tests/browser/test_admin_desk.py`."""

import pytest

from tests.browser.test_admin_editorial import log_in
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_the_post_form_fits_the_screen_and_its_editor_has_room(page, screenshot_dir, width):
    UserFactory(username="editor", groups=["Editors"])
    post = PostFactory(title="Why Lukashenka and Tokayev differ on Moscow, in one long headline")
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "editor")
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    page.screenshot(path=str(screenshot_dir / f"post-form-{width}.png"), full_page=True)

    title = page.locator("#id_title").bounding_box()
    editor = page.locator(".field-body .ProseMirror[contenteditable]").bounding_box()
    assert title["width"] >= min(width - 120, 600)
    assert editor["height"] >= 16 * 18  # at least 18rem, 24rem on a desktop
    assert page.evaluate("document.documentElement.scrollWidth") <= max(width, 1280) + 1
    arrow = page.evaluate(
        "getComputedStyle(document.querySelector('.prose-menubar__selected'), '::after').content"
    )
    assert arrow == '""'  # drawn, not the "⏷" few fonts have


def test_the_search_preview_follows_the_title_as_it_is_typed(page):
    UserFactory(username="editor", groups=["Editors"])
    post = PostFactory(title="Old headline", lead="The lead.")
    log_in(page, "editor")
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    preview = page.locator("#search-preview")
    assert preview.locator(".desk-preview__search-title").inner_text() == "Old headline"

    page.fill("#id_title", "New headline")
    page.fill("#id_seo_description", "What search engines show.")

    assert preview.locator(".desk-preview__search-title").inner_text() == "New headline"
    assert preview.locator(".desk-preview__card-title").inner_text() == "New headline"
    assert "What search engines show." in preview.inner_text()
    page.fill("#id_seo_title", "Search title")
    assert preview.locator(".desk-preview__search-title").inner_text() == "Search title"


def test_the_post_list_reads_at_1280_px(page, screenshot_dir):
    UserFactory(username="editor", groups=["Editors"])
    long_title = "Why Belarus and Kazakhstan took different paths after the protests " * 3
    PostFactory(title=long_title.strip())
    log_in(page, "editor")
    page.goto("/admin/blog/post/")
    page.screenshot(path=str(screenshot_dir / "post-list-1280.png"), full_page=True)

    title = page.locator("#result_list .field-title a").first
    line_height = float(title.evaluate("node => parseFloat(getComputedStyle(node).lineHeight)"))
    assert title.bounding_box()["height"] <= 2 * line_height + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    results = page.locator(".results").bounding_box()
    for column in ["column-updated_at", "column-preview_link"]:
        header = page.locator(f"#result_list th.{column}").bounding_box()
        assert header["x"] + header["width"] <= results["x"] + results["width"] + 1, column
