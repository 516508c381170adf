import logging
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.utils import timezone

from blog.models import Post
from newsletter.models import Delivery
from newsletter.targets import Target
from newsletter.tasks import tick
from tests.factories import AuthorFactory, DisclaimerFactory, PostFactory, SectionFactory

from .helpers import link_in, mails_to, subscribe

pytestmark = pytest.mark.django_db


class CrashingBackend(locmem.EmailBackend):
    """Delivers two mails; then the worker is stopped mid-send (as db_worker's forced stop)."""

    def send_messages(self, messages):
        if len(mail.outbox) >= 2:
            raise SystemExit(1)
        return super().send_messages(messages)


class RefusingBackend(locmem.EmailBackend):
    """A mail server that refuses bounce@example.org."""

    def send_messages(self, messages):
        for message in messages:
            if message.to == ["bounce@example.org"]:
                raise smtplib.SMTPRecipientsRefused({"bounce@example.org": (550, b"No such user")})
        return super().send_messages(messages)


@pytest.fixture
def now(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    return time_machine


def test_a_subscriber_following_the_author_and_the_section_gets_one_mail(
    confirmed_subscriber, publish
):
    author, section = AuthorFactory(), SectionFactory()
    confirmed_subscriber("reader@example.org", Target(author=author), Target(section=section))
    confirmed_subscriber("blog@example.org")
    confirmed_subscriber("other@example.org", Target(author=AuthorFactory()))

    publish(PostFactory, authors=[author], section=section)

    assert len(mails_to("reader@example.org")) == 1
    assert len(mails_to("blog@example.org")) == 1
    assert mails_to("other@example.org") == []
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 2


def test_a_post_with_two_followed_authors_is_mailed_once(confirmed_subscriber, publish):
    first, second = AuthorFactory(), AuthorFactory()
    confirmed_subscriber("reader@example.org", Target(author=first), Target(author=second))

    publish(PostFactory, authors=[first, second])

    assert len(mail.outbox) == 1


def test_the_mail_carries_the_column(confirmed_subscriber, publish):
    author = AuthorFactory(name="Valer Karbalevich")
    confirmed_subscriber("reader@example.org", Target(author=author))
    disclaimer = DisclaimerFactory(text="<p>Opinions &amp; views are the author’s own.</p>")

    post = publish(
        PostFactory,
        authors=[author],
        title="Why paths differ",
        lead="Two countries, two roads.",
        key_points=["The first point.", "The second point."],
        disclaimer=disclaimer,
    )

    [message] = mail.outbox
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert message.subject == "Why paths differ"
    assert message.from_email == "Valer Karbalevich <columns@columnist.example>"
    url = f"https://columnist.example{post.get_absolute_url()}"
    for part in (message.body, html):
        for expected in ("Why paths differ", "Two countries", "Briefly", "The second point.", url):
            assert expected in part
    assert "Opinions & views are the author’s own." in message.body
    assert "<p>Opinions &amp; views are the author’s own.</p>" in html


def test_text_comes_before_html_and_the_list_headers_are_set(confirmed_subscriber, publish):
    confirmed_subscriber("reader@example.org")

    publish(PostFactory)

    parsed = mail.outbox[0].message()
    assert [part.get_content_type() for part in parsed.get_payload()] == [
        "text/plain",
        "text/html",
    ]
    assert parsed["List-Unsubscribe"].startswith("<https://columnist.example/newsletter/")
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed["List-Id"] == "Columnist <columns.columnist.example>"
    assert parsed["Message-ID"].endswith("@columnist.example>")
    assert len(parsed.get_all("Date")) == 1


def test_publishing_again_sends_nothing_twice(confirmed_subscriber, publish):
    confirmed_subscriber("reader@example.org")
    post = publish(PostFactory)

    def republish():
        post.status = Post.Status.DRAFT
        post.save()
        post.status = Post.Status.PUBLISHED
        post.save()

    publish(republish)

    assert len(mail.outbox) == 1


def test_a_crash_mid_batch_and_a_retry_send_everyone_exactly_once(
    confirmed_subscriber, publish, settings, now, client
):
    readers = [f"reader{n}@example.org" for n in range(5)]
    for address in readers:
        confirmed_subscriber(address)
    settings.EMAIL_BACKEND = f"{__name__}.CrashingBackend"

    publish(PostFactory)

    assert len(mail.outbox) == 2
    assert Delivery.objects.filter(status=Delivery.Status.QUEUED).count() == 3

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    confirmed_subscriber("newcomer@example.org")
    now.shift(timedelta(minutes=6))
    publish(tick.enqueue)
    publish(tick.enqueue)

    assert sorted(message.to[0] for message in mail.outbox) == readers
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_a_refused_mail_is_recorded_retried_and_given_up_on(
    confirmed_subscriber, publish, settings, now
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    settings.NEWSLETTER_MAX_ATTEMPTS = 2
    bounce = confirmed_subscriber("bounce@example.org")
    confirmed_subscriber("reader@example.org")

    publish(PostFactory)
    failed = Delivery.objects.get(subscriber=bounce)
    assert (failed.status, failed.attempts) == (Delivery.Status.FAILED, 1)
    assert failed.reason.startswith("SMTPRecipientsRefused")
    assert "bounce@example.org" not in failed.reason

    for _minute in range(3):
        now.shift(timedelta(minutes=6))
        publish(tick.enqueue)

    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Delivery.Status.FAILED, 2)
    assert len(mails_to("reader@example.org")) == 1


def test_a_scheduled_post_is_mailed_when_its_time_comes(confirmed_subscriber, publish, now):
    confirmed_subscriber("reader@example.org")
    publish(PostFactory, publish_at=timezone.now() + timedelta(hours=1))
    publish(tick.enqueue)
    assert mail.outbox == []

    now.shift(timedelta(hours=1, minutes=1))
    publish(tick.enqueue)
    publish(tick.enqueue)

    assert len(mail.outbox) == 1


def test_no_subscriber_address_reaches_the_logs(client, caplog, settings, publish, now):
    caplog.set_level(logging.DEBUG)
    for address in ("bounce@example.org", "not an address", "reader@example.org"):
        subscribe(client, address)
    for message in list(mail.outbox):
        client.post(link_in(message, "confirm"))
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    now.shift(timedelta(hours=2))
    subscribe(client, "bounce@example.org", follow=f"section:{SectionFactory().pk}")

    publish(PostFactory)

    assert Delivery.objects.filter(status=Delivery.Status.FAILED).exists()
    assert "confirmation mail failed" in caplog.text
    assert "example.org" not in caplog.text


def test_a_title_that_would_add_headers_is_delivered_on_one_line(confirmed_subscriber, publish):
    confirmed_subscriber("first@example.org")
    confirmed_subscriber("second@example.org")

    publish(PostFactory, title="A title\nBcc: everyone@example.org\u2028\x7f")

    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 2
    assert [message.subject for message in mail.outbox] == ["A title Bcc: everyone@example.org"] * 2
    assert all("everyone" not in str(message.recipients()) for message in mail.outbox)
