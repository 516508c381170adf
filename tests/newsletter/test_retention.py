"""Keep as little as possible, for as short as possible: unconfirmed subscribers go after 72
hours, deliveries forget their subscriber after 30 days, ended rate counters go — from the
worker's minute tick and from `manage.py forget_expired_subscribers`."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from newsletter.models import Delivery, RateCounter, Subscriber
from newsletter.tasks import tick
from tests.factories import PostFactory, SectionFactory

from .helpers import subscribe, subscribe_and_confirm

pytestmark = pytest.mark.django_db


@pytest.fixture
def now(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    return time_machine


def forget_by_command():
    output = io.StringIO()
    call_command("forget_expired_subscribers", stdout=output)
    return output.getvalue()


def test_an_unconfirmed_subscriber_is_deleted_72_hours_after_the_last_link(client, now):
    subscribe(client, "never@example.org")
    subscribe_and_confirm(client, "confirmed@example.org")

    now.shift(timedelta(hours=71, minutes=59))
    tick.enqueue()
    assert Subscriber.objects.count() == 2

    now.shift(timedelta(minutes=2))
    tick.enqueue()
    assert [subscriber.email for subscriber in Subscriber.objects.all()] == [
        "confirmed@example.org"
    ]


def test_a_fresh_confirmation_link_keeps_an_unconfirmed_subscriber(client, now):
    subscribe(client, "late@example.org")
    now.shift(timedelta(hours=70))
    subscribe(client, "late@example.org")  # a second mail, with a link valid 3 more days

    now.shift(timedelta(hours=3))
    assert "Deleted 0 unconfirmed subscribers" in forget_by_command()

    now.shift(timedelta(hours=70))
    assert "Deleted 1 unconfirmed subscribers" in forget_by_command()
    assert not Subscriber.objects.exists()


def test_a_follow_a_confirmed_reader_never_confirmed_goes_after_72_hours(client, now):
    subscribe_and_confirm(client, "reader@example.org")
    subscriber = Subscriber.objects.get()
    subscribe(client, "reader@example.org", follow=f"section:{SectionFactory().pk}")
    assert subscriber.awaits_confirmation()

    now.shift(timedelta(hours=72, minutes=1))
    output = forget_by_command()

    assert "Deleted 0 unconfirmed subscribers and 1 unconfirmed follows" in output
    assert not subscriber.awaits_confirmation()
    assert subscriber.follows.confirmed().count() == 1


def test_a_reader_back_after_unsubscribing_gets_72_hours_again(client, now):
    subscriber = Subscriber.objects.for_address("back@example.org")
    subscriber.unsubscribe()
    now.shift(timedelta(days=10))

    Subscriber.objects.for_address("back@example.org")
    forget_by_command()

    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_deliveries_lose_their_subscriber_after_30_days(client, publish, now):
    subscribe_and_confirm(client, "reader@example.org")
    publish(PostFactory)
    delivery = Delivery.objects.get()

    now.shift(timedelta(days=29, hours=23))
    tick.enqueue()
    delivery.refresh_from_db()
    assert delivery.subscriber is not None

    now.shift(timedelta(hours=2))
    assert "unlinked 1 deliveries" in forget_by_command()
    delivery.refresh_from_db()
    assert (delivery.subscriber, delivery.status) == (None, Delivery.Status.SENT)
    assert Subscriber.objects.get().is_confirmed  # the reader stays subscribed


def test_ended_rate_counters_are_dropped(client, now):
    subscribe(client, "reader@example.org")
    assert RateCounter.objects.count() == 2

    now.shift(timedelta(hours=1, seconds=1))
    tick.enqueue()

    assert not RateCounter.objects.exists()
