"""One spelling per mailbox: the address as the newsletter stores and compares it.

The domain is lower case and in its ASCII (IDNA, punycode) form, so `ivan@пример.бел` and
`ivan@xn--e1afmkfd.xn--90ais` are one subscriber; the whole address is in Unicode normal form
C and lower case. The lengths are those of RFC 5321, counted on the stored form.
"""

import contextlib
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.encoding import punycode
from django.utils.translation import gettext_lazy as _

LOCAL_PART_MAX = 64
DOMAIN_MAX = 255
ADDRESS_MAX = 254


def normalize_address(address: str) -> str:
    local_part, at, domain = unicodedata.normalize("NFC", address.strip().lower()).rpartition("@")
    with contextlib.suppress(UnicodeError):  # not a domain name: the email validator says so
        domain = punycode(domain)
    return f"{local_part}{at}{domain}"


def validate_address_lengths(address: str):
    local_part, _at, domain = address.rpartition("@")
    limits = [
        (local_part, LOCAL_PART_MAX, _("The part before @ can have at most %(limit)d characters.")),
        (domain, DOMAIN_MAX, _("The part after @ can have at most %(limit)d characters.")),
        (address, ADDRESS_MAX, _("An email address can have at most %(limit)d characters.")),
    ]
    for part, limit, message in limits:
        if len(part.encode()) > limit:
            raise ValidationError(message, code="too_long", params={"limit": limit})
