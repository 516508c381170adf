"""A mail server never holds the database: no transaction is open while one is talked to, and
a confirmation it could not take is sent once it is back."""

import io
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from newsletter.models import ConfirmationMail, Delivery
from newsletter.tasks import tick
from tests.factories import PostFactory

from .helpers import subscribe
from .smtp_server import Inbox, free_port, mail_by_smtp, start_smtp_server

pytestmark = pytest.mark.django_db


class TransactionSpy(locmem.EmailBackend):
    """Notes, for every message sent, whether a transaction was open on the database."""

    inside_transaction = []

    def send_messages(self, messages):
        open_now = connection.in_atomic_block or not connection.get_autocommit()
        TransactionSpy.inside_transaction += [open_now for _message in messages]
        return super().send_messages(messages)


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_every_mail_with_no_transaction_open(
    client, settings, confirmed_subscriber
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = f"{__name__}.TransactionSpy"
    TransactionSpy.inside_transaction = []
    confirmed_subscriber("reader@example.org")
    confirmed_subscriber("another@example.org")
    assert subscribe(client, "new@example.org").status_code == 302
    PostFactory()
    assert mail.outbox == []

    call_command("run_worker", batch=True, reload=False, startup_delay=False, interval=0,
                 stdout=io.StringIO())  # fmt: skip

    assert sorted(message.to[0] for message in mail.outbox) == [
        "another@example.org",
        "new@example.org",
        "reader@example.org",
    ]
    assert TransactionSpy.inside_transaction == [False, False, False]
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


@pytest.fixture
def smtp_port(settings):
    port = free_port()
    mail_by_smtp(settings, port)
    return port


def test_a_confirmation_that_failed_while_the_server_was_down_is_sent_once_it_is_back(
    client, smtp_port, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)

    assert subscribe(client, "reader@example.org").status_code == 302

    owed = ConfirmationMail.objects.get()
    assert (owed.status, owed.attempts) == (ConfirmationMail.Status.QUEUED, 0)
    inbox = Inbox()
    server = start_smtp_server(inbox, smtp_port)
    try:
        tick.enqueue()
        assert inbox.take() == []  # not yet: the retry waits for its delay

        for _minute in range(12):
            time_machine.shift(timedelta(minutes=1))
            tick.enqueue()
        subscribe(client, "reader@example.org")

        [(recipients, message)] = inbox.take()
    finally:
        server.stop()
    assert recipients == ["reader@example.org"]
    assert "/newsletter/confirm/" in message.get_body(preferencelist=("plain",)).get_content()
    owed.refresh_from_db()
    assert (owed.status, owed.attempts) == (ConfirmationMail.Status.SENT, 1)


def test_a_confirmation_no_longer_wanted_is_not_sent(client, smtp_port, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    subscribe(client, "reader@example.org")
    ConfirmationMail.objects.get().subscriber.unsubscribe()
    inbox = Inbox()
    server = start_smtp_server(inbox, smtp_port)
    try:
        time_machine.shift(timedelta(minutes=6))
        tick.enqueue()
    finally:
        server.stop()

    assert inbox.take() == []
    assert not ConfirmationMail.objects.exists()


class RefusingBackend(locmem.EmailBackend):
    """A mail server that is up but refuses every recipient."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (451, b"Try again later")})


def test_a_refused_confirmation_is_retried_until_the_attempts_run_out(
    client, settings, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    subscribe(client, "reader@example.org")

    for _minute in range(30):
        time_machine.shift(timedelta(minutes=1))
        tick.enqueue()

    owed = ConfirmationMail.objects.get()
    assert (owed.status, owed.attempts) == (ConfirmationMail.Status.FAILED, 3)
    assert owed.reason.startswith("SMTPRecipientsRefused")
    assert "reader@example.org" not in owed.reason
