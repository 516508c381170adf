"""The editorial calendar in a real browser: it shows a scheduled post, and an editor moves
it to another day by dragging it (or, without JavaScript, with its small form); screenshots
at 1280 and 375 px go to var/screenshots/."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long test password"


@pytest.fixture
def monday():
    today = timezone.localdate()
    return today + timedelta(days=7 - today.weekday())


@pytest.fixture
def scheduled(monday):
    UserFactory(username="editor", groups=["Editors"])
    PostFactory(title="Due column", status=Post.Status.DRAFT, publish_at=None, due_at=at(monday, 9))
    return PostFactory(title="Scheduled column", publish_at=at(monday + timedelta(days=2), 10))


def at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def open_calendar(page, day):
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"/admin/blog/post/calendar/?day={day.isoformat()}")


def test_an_editor_drags_a_scheduled_post_to_another_day(page, scheduled, monday, screenshot_dir):
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    open_calendar(page, monday)
    wednesday = page.locator(f".calendar-day[data-date='{monday + timedelta(days=2)}']")
    friday = page.locator(f".calendar-day[data-date='{monday + timedelta(days=4)}']")
    entry = wednesday.locator(".calendar-entry", has_text="Scheduled column")
    assert entry.is_visible()
    page.screenshot(path=screenshot_dir / "calendar-1280.png", full_page=True)

    with page.expect_navigation():
        entry.drag_to(friday)

    scheduled.refresh_from_db()
    assert scheduled.publish_at == at(monday + timedelta(days=4), 10)
    assert "is now scheduled for" in page.locator(".messagelist").inner_text()
    assert friday.locator(".calendar-entry", has_text="Scheduled column").is_visible()
    assert problems == []
    page.goto(f"/admin/blog/post/calendar/?view=month&day={monday.isoformat()}")
    page.screenshot(path=screenshot_dir / "calendar-month-1280.png", full_page=True)


def test_without_javascript_the_move_form_reschedules(
    chromium, live_server, scheduled, monday, screenshot_dir
):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 800}, java_script_enabled=False
    )
    page = context.new_page()
    open_calendar(page, monday)
    entry = page.locator(".calendar-entry", has_text="Scheduled column")
    entry.locator("summary").click()
    page.screenshot(path=screenshot_dir / "calendar-375.png", full_page=True)

    entry.locator("input[name=publish_at]").fill(f"{monday + timedelta(days=3)}T08:15")
    entry.locator("button[type=submit]").click()

    scheduled.refresh_from_db()
    assert scheduled.publish_at == at(monday + timedelta(days=3), 8) + timedelta(minutes=15)
    assert "is now scheduled for" in page.locator(".messagelist").inner_text()
    context.close()
