"""What happens when someone asks to subscribe: the same for every address, known or not."""

from django.db import transaction

from .models import Subscriber
from .tasks import send_confirmation


def request_subscription(address: str, target):
    with transaction.atomic():
        subscriber = Subscriber.objects.for_address(address)
        subscriber.follow(target)
    offer_confirmation(subscriber)


def offer_confirmation(subscriber: Subscriber):
    """Mail a confirmation link if something awaits confirmation, at most once per window."""
    if subscriber.awaits_confirmation() and subscriber.claim_confirmation_mail():
        send_confirmation.enqueue(subscriber.pk)
