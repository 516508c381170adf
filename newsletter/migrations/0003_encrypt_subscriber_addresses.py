"""Seal every stored address under the site's key, with its digest; and back, on reversal.

Unsubscribed subscribers' addresses are erased here, as unsubscribing now does.
"""

from django.db import migrations

from newsletter.addresses import normalize_address
from newsletter.keyring import keyring


def encrypt(apps, schema_editor):
    Subscriber = apps.get_model("newsletter", "Subscriber")
    ring = keyring()
    subscribers = list(Subscriber.objects.all())
    for subscriber in subscribers:
        address = normalize_address(subscriber.email)
        subscriber.email_digest = ring.digest(address)
        left = subscriber.status == "unsubscribed"
        subscriber.encrypted_email = "" if left else ring.seal(address)
        subscriber.email = f"{subscriber.pk}@erased.invalid"
    Subscriber.objects.bulk_update(
        subscribers, ["email_digest", "encrypted_email", "email"], batch_size=500
    )


def decrypt(apps, schema_editor):
    Subscriber = apps.get_model("newsletter", "Subscriber")
    ring = keyring()
    subscribers = list(Subscriber.objects.all())
    for subscriber in subscribers:
        sealed = subscriber.encrypted_email
        subscriber.email = ring.open(sealed) if sealed else f"{subscriber.pk}@erased.invalid"
    Subscriber.objects.bulk_update(subscribers, ["email"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0002_subscriber_encrypted_address"),
    ]

    operations = [migrations.RunPython(encrypt, decrypt)]
