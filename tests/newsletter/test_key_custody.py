"""The subscriber key: made on first use in development, required in production, rotated
with every subscriber still reachable, destroyed with every subscriber by purge_subscribers."""

import io
import stat

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletter.keyring import keyring
from newsletter.models import ConfirmationMail, Delivery, Follow, RateCounter, Subscriber
from tests.factories import PostFactory
from tests.production import PRODUCTION, run_manage

from .helpers import mails_to, subscribe, subscribe_and_confirm

pytestmark = pytest.mark.django_db

READERS = ["anna@example.org", "boris@example.org", "wiera@example.by"]


@pytest.fixture
def key_file(settings, tmp_path):
    """The key kept in a file, as in development (created on first use)."""
    settings.SUBSCRIBER_KEY = ""
    settings.SUBSCRIBER_KEY_FILE = tmp_path / "var" / "subscriber.key"
    return settings.SUBSCRIBER_KEY_FILE


@pytest.fixture
def readers(client):
    for address in READERS:
        subscribe_and_confirm(client, address)
    return READERS


def command(name, *args):
    output = io.StringIO()
    call_command(name, *args, stdout=output)
    return output.getvalue()


def test_development_makes_a_private_key_file_on_first_use(key_file, client):
    subscribe(client, "anna@example.org")

    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert keyring().keys == [key_file.read_text().strip()]
    assert Subscriber.objects.get().email == "anna@example.org"


def test_production_refuses_to_start_without_a_key(tmp_path):
    variables = {name: value for name, value in PRODUCTION.items() if name != "SUBSCRIBER_KEY"}

    result = run_manage("check", COLUMNIST_VAR_DIR=str(tmp_path), **variables)

    assert result.returncode != 0
    assert "SUBSCRIBER_KEY (or a key file at SUBSCRIBER_KEY_FILE) must be set" in result.stderr
    assert not (tmp_path / "subscriber.key").exists()


def test_rotation_with_a_key_file_reseals_everyone_under_a_new_key(key_file, readers, publish):
    old_key = keyring().keys[0]
    before = dict(Subscriber.objects.values_list("pk", "encrypted_email"))

    output = command("rotate_subscriber_key")

    assert "Re-encrypted 3 addresses" in output
    assert len(keyring().keys) == 1
    assert keyring().keys != [old_key]
    after = dict(Subscriber.objects.values_list("pk", "encrypted_email"))
    assert all(after[pk] != sealed for pk, sealed in before.items())
    with pytest.raises(InvalidToken):
        Fernet(old_key).decrypt(after[min(after)].encode())
    publish(PostFactory)
    assert all(len(mails_to(address)) == 2 for address in readers)  # confirmation, then post
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 3


def test_rotation_under_subscriber_key_uses_the_new_key_put_first(settings, readers, client):
    old_key, new_key = settings.SUBSCRIBER_KEY, Fernet.generate_key().decode()
    settings.SUBSCRIBER_KEY = f"{new_key},{old_key}"

    output = command("rotate_subscriber_key")
    settings.SUBSCRIBER_KEY = new_key

    assert "remove the old key" in output
    assert sorted(subscriber.email for subscriber in Subscriber.objects.all()) == READERS
    subscribe(client, "anna@example.org")  # found again by the digest under the new key
    assert Subscriber.objects.count() == 3


def test_rotation_refuses_one_key_in_the_environment_and_changes_nothing(readers):
    before = list(Subscriber.objects.values_list("encrypted_email", "email_digest"))

    with pytest.raises(CommandError, match="SUBSCRIBER_KEY holds one key"):
        command("rotate_subscriber_key")

    assert list(Subscriber.objects.values_list("encrypted_email", "email_digest")) == before


def test_rotation_stops_on_an_address_it_cannot_open_and_changes_nothing(settings, readers):
    Subscriber.objects.filter(pk=Subscriber.objects.first().pk).update(encrypted_email="garbage")
    before = list(Subscriber.objects.values_list("encrypted_email", "email_digest"))
    settings.SUBSCRIBER_KEY = f"{Fernet.generate_key().decode()},{settings.SUBSCRIBER_KEY}"

    with pytest.raises(CommandError, match=r"a key the site does not have\. Nothing was changed\."):
        command("rotate_subscriber_key")

    assert list(Subscriber.objects.values_list("encrypted_email", "email_digest")) == before


def test_purge_needs_the_sites_domain_typed(readers, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda question: "example.org")

    with pytest.raises(CommandError, match=r"Nothing was destroyed: “example\.org” is not"):
        command("purge_subscribers")

    assert Subscriber.objects.count() == 3


def test_purge_destroys_every_subscriber_row_and_the_key(key_file, readers, publish, monkeypatch):
    publish(PostFactory)
    old_key = keyring().keys[0]
    monkeypatch.setattr("builtins.input", lambda question: "columnist.example")

    with CaptureQueriesContext(connection) as queries:
        output = command("purge_subscribers")

    deletes = [query["sql"] for query in queries if query["sql"].startswith("DELETE")]
    assert len(deletes) == 5  # one statement per table
    assert len(queries) <= 9
    assert (
        "Destroyed 3 deliveries, 3 confirmation mails, 3 follows, 3 subscribers, 4 rate counters."
        in output
    )
    for model in (Subscriber, Follow, Delivery, ConfirmationMail, RateCounter):
        assert not model.objects.exists()
    assert old_key not in key_file.read_text()
    assert len(keyring().keys) == 1


def test_purge_for_scripts_takes_the_domain_as_an_option(readers):
    with pytest.raises(CommandError):
        command("purge_subscribers", "--confirm-domain", "other.example")
    assert Subscriber.objects.exists()

    output = command("purge_subscribers", "--confirm-domain", "columnist.example")

    assert not Subscriber.objects.exists()
    assert "replace it wherever it is kept" in output
