"""Claiming a mail before sending it: one sender per row, and a dead sender's row comes back."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection
from django.utils import timezone

from newsletter.delivery import deliver
from newsletter.models import Delivery
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def now(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    return time_machine


@pytest.fixture
def queued(confirmed_subscriber, settings):
    """A queued delivery that no sender has touched yet."""
    settings.NEWSLETTER_CLAIM_TIMEOUT = timedelta(minutes=5)
    post = PostFactory()
    return Delivery.objects.create(post=post, subscriber=confirmed_subscriber("a@example.org"))


def test_a_claimed_delivery_cannot_be_claimed_by_a_second_sender(queued):
    first = Delivery.objects.claim(queued.pk)
    second = Delivery.objects.claim(queued.pk)

    assert first is not None
    assert first.claimed_at is not None
    assert first.attempts == 1
    assert second is None
    assert not Delivery.objects.pending().exists()


def test_recording_the_outcome_releases_the_claim(queued):
    claimed = Delivery.objects.claim(queued.pk)

    claimed.record_sent()

    queued.refresh_from_db()
    assert (queued.status, queued.claimed_at, queued.attempts) == (Delivery.Status.SENT, None, 1)
    assert queued.sent_at is not None
    assert Delivery.objects.claim(queued.pk) is None


def test_a_failed_delivery_is_claimable_again_until_the_attempts_run_out(queued, settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 2
    Delivery.objects.claim(queued.pk).record_failure("SMTPServerDisconnected")
    Delivery.objects.claim(queued.pk).record_failure("SMTPServerDisconnected")

    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Delivery.Status.FAILED, 2)
    assert queued.reason == "SMTPServerDisconnected"
    assert Delivery.objects.claim(queued.pk) is None


def test_a_crashed_senders_claim_expires_and_its_late_result_is_ignored(queued, now):
    crashed = Delivery.objects.claim(queued.pk)

    now.shift(timedelta(minutes=4))
    assert Delivery.objects.claim(queued.pk) is None
    now.shift(timedelta(minutes=2))
    successor = Delivery.objects.claim(queued.pk)
    assert successor is not None
    assert successor.attempts == 2

    crashed.record_failure("too late")
    queued.refresh_from_db()
    assert (queued.status, queued.reason) == (Delivery.Status.QUEUED, "")

    successor.record_sent()
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Delivery.Status.SENT, 2)


def test_each_retry_waits_twice_as_long_as_the_one_before(queued, now, settings):
    settings.NEWSLETTER_RETRY_DELAY = timedelta(minutes=5)
    waits = []
    for _attempt in range(4):
        Delivery.objects.claim(queued.pk).record_failure("SMTPServerDisconnected")
        minutes = 0
        while not Delivery.objects.due_for_retry().exists():
            now.shift(timedelta(minutes=1))
            minutes += 1
        waits.append(minutes)

    assert waits == [5, 10, 20, 40]


def test_a_mail_that_keeps_crashing_its_sender_is_given_up_on(queued, now, settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    for _crash in range(3):
        assert Delivery.objects.claim(queued.pk) is not None
        now.shift(settings.NEWSLETTER_CLAIM_TIMEOUT + timedelta(seconds=1))

    assert Delivery.objects.claim(queued.pk) is None
    assert not Delivery.objects.due_for_retry().exists()


class MeetingBackend(locmem.EmailBackend):
    """Each send waits until the other worker is sending too (or gives up after a minute)."""

    both_sending = threading.Barrier(2, timeout=60)

    def send_messages(self, messages):
        MeetingBackend.both_sending.wait()
        return super().send_messages(messages)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="threads need separate database sessions"
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_send_at_once_each_mail_once(confirmed_subscriber, settings):
    post = PostFactory()
    for address in ("first@example.org", "second@example.org"):
        Delivery.objects.create(post=post, subscriber=confirmed_subscriber(address))
    settings.EMAIL_BACKEND = f"{__name__}.MeetingBackend"
    MeetingBackend.both_sending.reset()

    workers = [threading.Thread(target=deliver_and_close, args=(post.pk,)) for _n in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "first@example.org",
        "second@example.org",
    ]
    assert set(Delivery.objects.values_list("status", "attempts")) == {(Delivery.Status.SENT, 1)}


def deliver_and_close(post_id):
    try:
        deliver(post_id)
    finally:
        connection.close()
