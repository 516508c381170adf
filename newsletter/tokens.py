"""Signed, opaque links for one subscriber: they carry a random key, never the address.

Each purpose has its own salt, so a token made for one cannot be used for another.
Confirmation links expire; unsubscribe and manage links must keep working in old mails.
"""

from django.core import signing

from .conf import setting
from .models import Subscriber

CONFIRM = "newsletter.confirm"
UNSUBSCRIBE = "newsletter.unsubscribe"
MANAGE = "newsletter.manage"


def make_token(subscriber: Subscriber, purpose: str) -> str:
    return signing.dumps(str(subscriber.key), salt=purpose)


def read_token(token: str, purpose: str, *, expires: bool = False) -> Subscriber | None:
    """The subscriber a token names (None if they were deleted).

    Raises signing.BadSignature for a forged or damaged token, and its subclass
    signing.SignatureExpired for an expired one when `expires` is set.
    """
    max_age = setting("NEWSLETTER_CONFIRM_MAX_AGE") if expires else None
    key = signing.loads(token, salt=purpose, max_age=max_age)
    return Subscriber.objects.filter(key=key).first()
