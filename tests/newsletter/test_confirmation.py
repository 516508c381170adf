from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from pytest_django.asserts import assertContains

from newsletter.models import Subscriber
from tests.factories import AuthorFactory, PostFactory

from .helpers import link_in, mails_to, subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirm_link(client):
    subscribe(client, "reader@example.org")
    return link_in(mail.outbox[-1], "confirm")


def test_opening_the_link_asks_before_confirming(client, confirm_link):
    response = client.get(confirm_link)

    assertContains(response, "Confirm my subscription")
    assertContains(response, "All columns")
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_the_button_confirms_the_subscriber_and_their_follows(client, confirm_link):
    response = client.post(confirm_link)

    assertContains(response, "You are subscribed")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert not subscriber.follows.unconfirmed().exists()


def test_confirming_twice_is_harmless(client, confirm_link):
    client.post(confirm_link)
    first = Subscriber.objects.get().confirmed_at

    again = client.post(confirm_link)

    assertContains(again, "You are subscribed")
    assert Subscriber.objects.get().confirmed_at == first


def test_an_expired_link_offers_a_fresh_one(client, confirm_link, time_machine):
    time_machine.move_to(timezone.now() + timedelta(days=3, minutes=1))

    response = client.post(confirm_link)

    assertContains(response, "This link has expired", status_code=410)
    assertContains(response, "Send me a fresh link", status_code=410)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    client.post(f"{confirm_link}resend/")

    fresh = link_in(mails_to("reader@example.org")[-1], "confirm")
    assert fresh != confirm_link
    client.post(fresh)
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


@pytest.mark.parametrize(
    "damage", [lambda t: t[:-2] + "xx", lambda t: "x" + t, lambda t: "nonsense"]
)
def test_a_tampered_link_is_refused_with_a_clear_page(client, confirm_link, damage):
    token = confirm_link.split("/")[-2]

    response = client.post(f"/newsletter/confirm/{damage(token)}/")

    assertContains(response, "This link is not valid", status_code=400)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_link_made_for_another_purpose_does_not_confirm(client, confirm_link):
    token = confirm_link.split("/")[-2]

    response = client.post(f"/newsletter/unsubscribe/{token}/")

    assert response.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_unconfirmed_address_gets_no_post_mail(client, publish):
    author = AuthorFactory()
    subscribe(client, "reader@example.org", follow=f"author:{author.pk}")

    publish(PostFactory, authors=[author])

    [only_mail] = mails_to("reader@example.org")
    assert "/newsletter/confirm/" in only_mail.body


def test_the_confirmation_mail_names_no_one_else_and_carries_no_list_headers(client):
    subscribe(client, "reader@example.org")

    [confirmation] = mail.outbox

    assert confirmation.to == ["reader@example.org"]
    assert "List-Unsubscribe" not in confirmation.extra_headers
    assert confirmation.extra_headers["Message-ID"].endswith("@columnist.example>")


def test_an_old_link_after_unsubscribing_subscribes_no_one(client, confirm_link):
    client.post(confirm_link)
    Subscriber.objects.get().unsubscribe()

    response = client.post(confirm_link)

    assertContains(response, "You are unsubscribed")
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
