"""Keep as little as possible, for as short as possible.

Pending subscribers go once no confirmation link they hold works any more (72 hours), and
so do the follows a confirmed subscriber asked for and never confirmed; deliveries lose
their subscriber 30 days after they were queued; rate-limit counters go when their window
ends. The worker's tick runs this every minute; `manage.py forget_expired_subscribers` runs
it by hand. (Unsubscribing erases the address at once: `Subscriber.unsubscribe`.)
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .conf import setting
from .models import Delivery, Follow, RateCounter, Subscriber


@dataclass(frozen=True)
class Forgotten:
    subscribers: int
    follows: int
    deliveries: int
    counters: int


@transaction.atomic
def forget_expired() -> Forgotten:
    now = timezone.now()
    pending_before = now - setting("NEWSLETTER_UNCONFIRMED_LIFETIME")
    _total, deleted = Subscriber.objects.unconfirmed_since(pending_before).delete()
    follows, _by_model = (
        Follow.objects.unconfirmed()
        .filter(created_at__lt=pending_before)
        .exclude(subscriber__confirmation_sent_at__gte=pending_before)
        .delete()
    )
    linked_before = now - setting("NEWSLETTER_DELIVERY_LINK_LIFETIME")
    detached = Delivery.objects.filter(
        subscriber__isnull=False, created_at__lt=linked_before
    ).update(subscriber=None)
    counters, _by_model = RateCounter.objects.filter(expires_at__lt=now).delete()
    return Forgotten(deleted.get(Subscriber._meta.label, 0), follows, detached, counters)
