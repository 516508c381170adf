"""Publication mails wait out a grace period, during which the mailing can be stopped."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from editorial.workflow import TRANSITIONS, apply_transition
from newsletter.conf import setting
from newsletter.mailing import unmailed_recipients
from newsletter.models import Delivery
from newsletter.targets import Target
from newsletter.tasks import tick
from tests.editorial.admin_client import change_url, make_desk, make_draft, messages_of
from tests.factories import AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

READERS = ["first@example.org", "second@example.org"]


@pytest.fixture(autouse=True)
def grace(settings):
    settings.NEWSLETTER_GRACE_PERIOD = timedelta(minutes=10)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    return time_machine


@pytest.fixture
def desk():
    return make_desk()


@pytest.fixture
def readers(confirmed_subscriber):
    return [confirmed_subscriber(address) for address in READERS]


def move(post, transition, user):
    apply_transition(post, TRANSITIONS[transition], user)


def minutes_after(post, minutes):
    return post.publish_at + timedelta(minutes=minutes)


def run_tick_at(clock, publish, moment):
    """The worker's tick at `moment`."""
    clock.move_to(moment, tick=False)
    publish(tick.enqueue)


@pytest.fixture
def published(clock, desk, readers, publish):
    """A draft the editor publishes now, with two readers following the whole site."""
    post = make_draft(desk, title="Out by mistake")
    publish(move, post, "publish", desk.editor)
    return post


def mailed():
    return sorted(address for message in mail.outbox for address in message.to)


def test_nothing_is_sent_before_the_grace_period_and_each_reader_once_after(
    published, clock, publish
):
    run_tick_at(clock, publish, minutes_after(published, 9))
    assert mailed() == []
    assert set(published.deliveries.values_list("status", flat=True)) == {"queued"}

    run_tick_at(clock, publish, minutes_after(published, 11))
    run_tick_at(clock, publish, minutes_after(published, 30))

    assert mailed() == READERS
    assert published.deliveries.filter(status=Delivery.Status.SENT).count() == 2


def test_a_post_unpublished_within_the_grace_period_mails_nobody(published, clock, publish, desk):
    clock.move_to(minutes_after(published, 3), tick=False)
    publish(move, published, "unpublish", desk.editor)

    run_tick_at(clock, publish, minutes_after(published, 11))

    assert mailed() == []
    assert set(published.deliveries.values_list("status", flat=True)) == {"cancelled"}


def test_cancelling_the_mailing_mails_nobody_though_the_post_stays_up(
    published, clock, publish, desk, client
):
    client.force_login(desk.editor)
    response = client.post(reverse("admin:newsletter_delivery_cancel", args=[published.pk]))

    assert response.status_code == 302
    assert messages_of(response) == [
        "Mailing of “Out by mistake” cancelled: 2 mails will not be sent."
    ]
    run_tick_at(clock, publish, minutes_after(published, 11))
    assert mailed() == []
    assert Post.objects.published().filter(pk=published.pk).exists()


def test_only_who_may_publish_cancels_a_mailing(published, clock, publish, desk, client):
    client.force_login(desk.owner)
    response = client.post(reverse("admin:newsletter_delivery_cancel", args=[published.pk]))

    assert response.status_code == 403
    run_tick_at(clock, publish, minutes_after(published, 11))
    assert mailed() == READERS


def test_publishing_again_is_a_new_mailing_with_its_own_grace_period(
    published, clock, publish, desk
):
    publish(move, published, "unpublish", desk.editor)
    clock.move_to(minutes_after(published, 20), tick=False)
    publish(move, published, "publish", desk.editor)

    run_tick_at(clock, publish, minutes_after(published, 29))
    assert mailed() == []
    run_tick_at(clock, publish, minutes_after(published, 31))
    assert mailed() == READERS


def test_a_mail_that_fails_after_its_mailing_was_cancelled_stays_cancelled(published, clock):
    clock.move_to(minutes_after(published, 11), tick=False)
    delivery = Delivery.objects.claim(published.deliveries.first().pk)
    published.deliveries.cancel()

    delivery.record_failure("421 Service not available")

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.CANCELLED


def panel_text(client, post):
    response = client.get(change_url(post))
    return " ".join(response.content.decode().split())


def test_the_post_page_tells_the_editor_who_will_be_mailed_and_when(
    clock, desk, client, confirmed_subscriber, django_assert_num_queries
):
    author, section = AuthorFactory(), SectionFactory()
    confirmed_subscriber("both@example.org", Target(author=author), Target(section=section))
    confirmed_subscriber("site@example.org")
    confirmed_subscriber("elsewhere@example.org", Target(section=SectionFactory()))
    post = make_draft(desk, section=section)
    post.credits.create(author=author, position=1)
    clock.move_to("2026-12-02 12:00Z", tick=False)
    client.force_login(desk.editor)

    text = panel_text(client, post)

    # noon UTC is 3 p.m. in Minsk; the mails go ten minutes after publication
    assert "Publishing mails 2 subscribers at Dec. 2, 2026, 3:10 p.m. (Europe/Minsk)." in text
    assert "Cancel the mailing" not in text
    with django_assert_num_queries(1):
        assert unmailed_recipients(post).count() == 2


def test_the_post_page_shows_the_mailing_waiting_cancelled_and_sent(
    published, clock, publish, desk, client
):
    client.force_login(desk.editor)
    waiting = panel_text(client, published)
    assert "Mailing to 2 subscribers at" in waiting
    assert "Cancel the mailing" in waiting

    run_tick_at(clock, publish, minutes_after(published, 11))
    sent = panel_text(client, published)
    assert "Mailed to 2 subscribers." in sent
    assert "Cancel the mailing" not in sent

    client.force_login(desk.owner)
    assert "Mail to subscribers" not in panel_text(client, published)


def test_the_post_page_says_the_mailing_was_cancelled(published, desk, client):
    client.force_login(desk.editor)
    client.post(reverse("admin:newsletter_delivery_cancel", args=[published.pk]))

    text = panel_text(client, published)

    assert "Mailing cancelled: 2 mails not sent." in text
    assert "Cancel the mailing" not in text


def test_mails_given_up_on_are_not_shown_as_waiting(published, desk, client):
    published.deliveries.update(
        status=Delivery.Status.FAILED, attempts=setting("NEWSLETTER_MAX_ATTEMPTS")
    )
    client.force_login(desk.editor)

    text = panel_text(client, published)

    assert "Mailing to" not in text
    assert "Cancel the mailing" not in text
