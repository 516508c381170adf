"""One mailbox, one subscriber: an internationalised domain and its punycode form, any letter
case, are one address; addresses beyond the lengths of RFC 5321 get a clear error."""

import pytest

from newsletter.models import Subscriber

from .helpers import subscribe

pytestmark = pytest.mark.django_db


def test_an_idn_domain_and_its_punycode_form_are_one_subscriber(client):
    subscribe(client, "ivan@пример.бел")
    subscribe(client, "Ivan@XN--E1AFMKFD.XN--90AIS")
    subscribe(client, "ivan@ПРИМЕР.бел")

    assert [subscriber.email for subscriber in Subscriber.objects.all()] == [
        "ivan@xn--e1afmkfd.xn--90ais"
    ]


@pytest.mark.parametrize(
    ("address", "message"),
    [
        (f"{'a' * 65}@example.org", "The part before @ can have at most 64 characters."),
        (f"ivan@{'a' * 63}.{'b' * 63}.{'c' * 63}.{'d' * 58}.org", "at most 254 characters"),
    ],
)
def test_an_address_beyond_rfc_5321_lengths_gets_a_form_error(client, address, message):
    response = subscribe(client, address)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()


def test_the_longest_allowed_local_part_is_stored(client):
    subscribe(client, f"{'a' * 64}@example.org")

    assert Subscriber.objects.get().email == f"{'a' * 64}@example.org"
