"""A seized database reveals no reader: after subscribing, confirming and mailing, a dump of
the whole database (SQLite's .dump, PostgreSQL's pg_dump) holds no address, nor its local
part, nor the reader's IP; the address is sealed, looked up by a keyed digest, and erased
on unsubscribing."""

import os
import shutil
import subprocess

import pytest
from django.db import connection

from newsletter.models import Delivery, RateCounter, Subscriber
from tests.factories import PostFactory

from .helpers import link_in, mails_to, subscribe, subscribe_and_confirm

LOCAL_PART = "olga.secret-reader"
ADDRESS = f"{LOCAL_PART}@mail.example.org"
CLIENT_IP = "203.0.113.7"


def subscribe_confirm_and_mail(client, publish):
    subscribe_and_confirm(client, ADDRESS, REMOTE_ADDR=CLIENT_IP)
    publish(PostFactory)
    assert len(mails_to(ADDRESS)) == 2  # the confirmation and the post: the flow did run
    assert Delivery.objects.get().status == Delivery.Status.SENT


def assert_no_reader_in(dump: str):
    assert Subscriber.objects.get().email_digest in dump  # the subscriber's row is in the dump
    assert RateCounter.objects.count() == 2  # so are the rate limits' counters (IP, address)
    assert LOCAL_PART not in dump.lower()
    assert ADDRESS not in dump.lower()
    assert CLIENT_IP not in dump


@pytest.mark.django_db
def test_a_sqlite_dump_holds_no_subscriber_address(client, publish):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's dump")
    subscribe_confirm_and_mail(client, publish)

    connection.ensure_connection()
    dump = "\n".join(connection.connection.iterdump())

    assert_no_reader_in(dump)


@pytest.mark.django_db(transaction=True)
def test_a_pg_dump_holds_no_subscriber_address(client, publish):
    if connection.vendor != "postgresql" or not shutil.which("pg_dump"):
        pytest.skip("pg_dump of a PostgreSQL database")
    subscribe_confirm_and_mail(client, publish)

    database = connection.settings_dict
    dump = subprocess.run(
        [
            "pg_dump",
            "--host",
            database["HOST"] or "127.0.0.1",
            "--port",
            str(database["PORT"] or 5432),
            "--username",
            database["USER"],
            database["NAME"],
        ],
        env={**os.environ, "PGPASSWORD": database["PASSWORD"] or ""},
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert_no_reader_in(dump)


@pytest.mark.django_db
def test_the_address_is_stored_sealed_and_found_by_its_digest(client):
    subscribe(client, ADDRESS)
    subscribe(client, ADDRESS.upper())

    subscriber = Subscriber.objects.get()
    assert subscriber.email == ADDRESS
    assert LOCAL_PART not in subscriber.encrypted_email + subscriber.email_digest
    assert Subscriber.objects.with_address(f" {ADDRESS.title()} ").get() == subscriber
    assert not Subscriber.objects.with_address("someone.else@mail.example.org").exists()


@pytest.mark.django_db
def test_the_sealed_address_does_not_tell_its_length(client):
    subscribe(client, "a@b.by")
    subscribe(client, f"{'a' * 64}@{'long-domain.' * 14}example.org")

    sealed = Subscriber.objects.values_list("encrypted_email", flat=True)
    assert len({len(text) for text in sealed}) == 1
    assert sorted(len(subscriber.email) for subscriber in Subscriber.objects.all()) == [6, 244]


@pytest.mark.django_db
def test_unsubscribing_erases_the_address_and_keeps_only_its_digest(client, publish):
    subscribe_and_confirm(client, ADDRESS)
    publish(PostFactory)
    client.post(link_in(mails_to(ADDRESS)[-1], "unsubscribe"))

    left = Subscriber.objects.get()
    assert (left.status, left.encrypted_email, left.email, left.confirmed_at) == (
        Subscriber.Status.UNSUBSCRIBED,
        "",
        "",
        None,
    )
    assert not left.follows.exists()

    subscribe(client, ADDRESS)

    back = Subscriber.objects.get()
    assert (back.pk, back.status, back.email) == (left.pk, Subscriber.Status.PENDING, ADDRESS)


@pytest.mark.django_db
def test_a_failure_reason_keeps_no_address_in_any_spelling(confirmed_subscriber):
    delivery = Delivery.objects.create(post=PostFactory(), subscriber=confirmed_subscriber(ADDRESS))

    delivery.record_failure(f"SMTPDataError: 550 <{ADDRESS.upper()}> mailbox unavailable")

    delivery.refresh_from_db()
    assert delivery.reason == "SMTPDataError: 550 <[email]> mailbox unavailable"
