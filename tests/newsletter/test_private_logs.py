"""Logs never name a reader: every record of the whole flow — subscribing (refused, too
fast, accepted), confirming, a mail that fails and one that goes, unsubscribing — captured at
DEBUG on the root logger and Django's request and security loggers as it was logged
(before the handlers' redacting filter), holds neither the
address nor the client's IP (REMOTE_ADDR, X-Forwarded-For or the configured header)."""

import logging
import smtplib

import pytest
from django.core.mail.backends import locmem

from newsletter.tasks import deliver_post
from tests.factories import PostFactory

from .helpers import link_in, mails_to, subscribe

pytestmark = pytest.mark.django_db

LOCAL_PART = "tsikhan.reader"
ADDRESS = f"{LOCAL_PART}@mail.example.org"
REMOTE_ADDR, FORWARDED_FOR, REAL_IP = "203.0.113.7", "198.51.100.23", "192.0.2.44"
FROM_READER = {
    "REMOTE_ADDR": REMOTE_ADDR,
    "HTTP_X_FORWARDED_FOR": f"{FORWARDED_FOR}, {REMOTE_ADDR}",
    "HTTP_X_REAL_IP": REAL_IP,
}


class FlakyBackend(locmem.EmailBackend):
    """Refuses the first post mail, naming the recipient, as mail servers do."""

    refused = False

    def send_messages(self, messages):
        if not FlakyBackend.refused and "newsletter/unsubscribe" in messages[0].body:
            FlakyBackend.refused = True
            raise smtplib.SMTPRecipientsRefused({ADDRESS: (550, f"<{ADDRESS}> unknown".encode())})
        return super().send_messages(messages)


class RawRecords(logging.Handler):
    """Records as the code logged them, before any handler's filter redacts them."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(logging.makeLogRecord(vars(record)))


@pytest.fixture
def raw_records(caplog):
    for name in ["", "django", "django.request", "django.security", "newsletter"]:
        caplog.set_level(logging.DEBUG, logger=name)
    handler = RawRecords()
    logging.root.handlers.insert(0, handler)
    yield handler.records
    logging.root.removeHandler(handler)


def everything_logged(records) -> str:
    parts = []
    for record in records:
        parts += [record.getMessage(), repr(record.args), record.exc_text or ""]
        parts += [repr(value) for value in vars(record).values()]
    return "\n".join(parts)


def test_no_address_or_ip_in_any_log_record_of_the_whole_flow(
    client, raw_records, settings, publish
):
    settings.NEWSLETTER_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.NEWSLETTER_LIMIT_PER_ADDRESS = 2
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.refused = False

    client.post("/newsletter/", {"email": f"{ADDRESS}\n", "follow": "blog"}, **FROM_READER)
    subscribe(client, ADDRESS, **FROM_READER)
    subscribe(client, ADDRESS, **FROM_READER)
    assert subscribe(client, ADDRESS, **FROM_READER).status_code == 429
    client.post(link_in(mails_to(ADDRESS)[-1], "confirm"), **FROM_READER)
    post = publish(PostFactory)
    publish(deliver_post.enqueue, post.pk)
    post_mail = mails_to(ADDRESS)[-1]
    client.post(link_in(post_mail, "unsubscribe"), **FROM_READER)

    assert FlakyBackend.refused
    assert "unsubscribe" in post_mail.body
    logged = everything_logged(raw_records)
    assert "delivery failed" in logged  # the failure was logged…
    assert "Too Many Requests" in logged  # …and so was the refused request
    for secret in [ADDRESS, LOCAL_PART, REMOTE_ADDR, FORWARDED_FOR, REAL_IP]:
        assert secret not in logged


def test_an_error_report_names_neither_the_address_nor_the_ip(client, settings, monkeypatch):
    settings.ADMINS = [("Ops", "ops@columnist.example")]
    client.raise_request_exception = False

    def broken(address, target):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("newsletter.views.request_subscription", broken)

    response = subscribe(client, ADDRESS, **FROM_READER)

    assert response.status_code == 500
    [report] = mails_to("ops@columnist.example")
    assert "the database went away" in report.body
    assert "REMOTE_ADDR" in report.body
    for secret in [ADDRESS, LOCAL_PART, REMOTE_ADDR, FORWARDED_FOR, REAL_IP]:
        assert secret not in report.body
