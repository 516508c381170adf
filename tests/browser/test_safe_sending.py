"""Safe sending in a real browser, mailing through a real SMTP server (aiosmtpd): an editor
publishes a post by mistake and cancels its mailing within the grace period, so nobody gets
it; another post left alone reaches each subscriber once. The worker's tick runs in this
process, past the grace period, after the browser is done."""

from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from newsletter.models import Follow, Subscriber
from newsletter.tasks import tick
from tests.factories import AuthorFactory, PostFactory, SectionFactory, UserFactory
from tests.newsletter.smtp_server import Inbox, free_port, mail_by_smtp, start_smtp_server

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long test password"


@pytest.fixture
def inbox(settings):
    settings.NEWSLETTER_GRACE_PERIOD = timedelta(minutes=10)
    handler, port = Inbox(), free_port()
    mail_by_smtp(settings, port)
    controller = start_smtp_server(handler, port)
    yield handler
    controller.stop()


def subscriber(address, **follows):
    """A confirmed subscriber following the site (no follows given) or an author/section."""
    reader = Subscriber.objects.create(
        email=address, status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now()
    )
    Follow.objects.create(subscriber=reader, confirmed_at=timezone.now(), **follows)
    return reader


def log_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def publish_in_browser(page, post):
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    panel = page.locator("#post-mailing")
    assert "Publishing mails 2 subscribers at" in panel.inner_text()
    page.click("button[value=publish]")
    assert "is now: Published" in page.locator(".messagelist").inner_text()
    return panel


def test_a_cancelled_mailing_mails_nobody_and_one_left_alone_mails_each_once(
    page, inbox, time_machine, screenshot_dir
):
    UserFactory(username="editor", groups=["Editors"])
    author, section = AuthorFactory(name="Valer Karbalevich"), SectionFactory()
    subscriber("site@example.org")
    fan = subscriber("fan@example.org", author=author)
    Follow.objects.create(subscriber=fan, section=section, confirmed_at=timezone.now())
    drafts = {
        title: PostFactory(
            title=title,
            status=Post.Status.DRAFT,
            publish_at=None,
            authors=[author],
            section=section,
        )
        for title in ["Published by mistake", "Worth reading"]
    }

    log_in(page, "editor")
    panel = publish_in_browser(page, drafts["Published by mistake"])
    assert "Mailing to 2 subscribers at" in panel.inner_text()
    page.screenshot(path=str(screenshot_dir / "post-form-mailing-waiting.png"), full_page=True)
    page.click("#post-mailing button")
    assert "cancelled: 2 mails will not be sent" in page.locator(".messagelist").inner_text()
    assert "Mailing cancelled" in panel.inner_text()
    panel = publish_in_browser(page, drafts["Worth reading"])
    assert "Mailing to 2 subscribers at" in panel.inner_text()
    assert inbox.take() == []

    for minutes in (11, 20):
        time_machine.move_to(timezone.now() + timedelta(minutes=minutes), tick=False)
        tick.enqueue()

    mailed = sorted((message["Subject"], rcpt) for (rcpt,), message in inbox.take())
    assert mailed == [("Worth reading", "fan@example.org"), ("Worth reading", "site@example.org")]
