"""What happens when someone asks to subscribe: the same for every address, known or not."""

from django.db import transaction

from .models import ConfirmationMail, Subscriber
from .tasks import send_confirmation


def request_subscription(address: str, target):
    with transaction.atomic():
        subscriber = Subscriber.objects.for_address(address)
        subscriber.follow(target)
    offer_confirmation(subscriber)


def offer_confirmation(subscriber: Subscriber):
    """Owe a confirmation link if something awaits confirmation, at most once per window.

    The worker sends it (and retries it while the mail server is away): no request waits
    for a mail server."""
    if subscriber.awaits_confirmation() and subscriber.claim_confirmation_mail():
        owed = ConfirmationMail.objects.create(subscriber=subscriber)
        send_confirmation.enqueue(owed.pk)
