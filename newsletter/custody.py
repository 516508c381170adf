"""The subscriber key's life: rotated (every address re-sealed under a new key), or destroyed
with every subscriber in an emergency. The commands rotate_subscriber_key and
purge_subscribers call these; the keys themselves are in keyring.py."""

from dataclasses import dataclass

from django.db import connection, transaction

from .keyring import (
    Keyring,
    UnreadableAddress,
    keyring,
    keyring_of,
    keys_from_environment,
    new_key,
    replace_key_file,
)
from .models import ConfirmationMail, Delivery, Follow, RateCounter, Subscriber

PURGED = [Delivery, ConfirmationMail, Follow, Subscriber, RateCounter]


class CustodyError(Exception):
    """Why the key could not be rotated, in one line; nothing was changed."""


@dataclass(frozen=True)
class Rotation:
    resealed: int
    forgotten: int


def rotate() -> Rotation:
    """Re-seal every address under a new key and redo its digest.

    With the key in a file, a new key is made: the file holds both while the rows change,
    then the new one alone. With SUBSCRIBER_KEY, the new key is the first of it (given with
    the old one after it, and the site restarted, beforehand).
    """
    current = keyring()
    if keys_from_environment():
        if len(current.keys) < 2:
            raise CustodyError(
                "SUBSCRIBER_KEY holds one key: put the new key before it "
                "(SUBSCRIBER_KEY=new,old), restart the site and worker, then run this again."
            )
        return reseal(current, current.primary_only)
    target = keyring_of((new_key(),))
    replace_key_file([*target.keys, *current.keys])
    rotation = reseal(current, target)
    replace_key_file(target.keys)
    return rotation


def reseal(current: Keyring, target: Keyring) -> Rotation:
    """Every address sealed and digested under `target`, in one transaction. Unsubscribed
    rows keep no address to digest again, so they go (nothing could find them any more)."""
    try:
        with transaction.atomic():
            subscribers = list(Subscriber.objects.select_for_update().exclude(encrypted_email=""))
            for subscriber in subscribers:
                address = current.open(subscriber.encrypted_email)
                subscriber.encrypted_email = target.seal(address)
                subscriber.email_digest = target.digest(address)
            _total, deleted = Subscriber.objects.filter(encrypted_email="").delete()
            Subscriber.objects.bulk_update(
                subscribers, ["encrypted_email", "email_digest"], batch_size=500
            )
    except UnreadableAddress as error:
        raise CustodyError(f"{error} Nothing was changed.") from error
    return Rotation(len(subscribers), deleted.get(Subscriber._meta.label, 0))


def unreadable_addresses() -> int:
    """How many stored addresses the site's keys cannot open (e.g. restored from another site)."""
    ring, unreadable = keyring(), 0
    sealed_addresses = Subscriber.objects.exclude(encrypted_email="").values_list(
        "encrypted_email", flat=True
    )
    for sealed in sealed_addresses.iterator():
        try:
            ring.open(sealed)
        except UnreadableAddress:
            unreadable += 1
    return unreadable


def purge() -> dict[str, int]:
    """Delete every subscriber, follow, delivery, confirmation mail and rate counter (one
    statement per table, in one transaction), then destroy the key in the key file by writing
    a new one. Returns the rows deleted per model."""
    deleted = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for model in PURGED:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
            deleted[str(model._meta.verbose_name_plural)] = cursor.rowcount
    if not keys_from_environment():
        replace_key_file([new_key()])
    return deleted
