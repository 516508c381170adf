"""Text a database cannot store faithfully: NUL characters and lone UTF-16 surrogates.

PostgreSQL refuses NUL in text columns and every UTF-8 database refuses lone surrogates, so
such input must be turned away with a validation error before it reaches a save.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def validate_storable_text(value):
    if isinstance(value, str) and UNSTORABLE.search(value):
        raise ValidationError(
            _("This text contains invisible control characters that cannot be stored."),
            code="unstorable_text",
        )
