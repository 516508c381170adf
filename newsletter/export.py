"""Subscribers as CSV, safe to open in a spreadsheet."""

import csv

from django.http import HttpResponse
from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MASKED_ADDRESS = "•••@•••"


def shown_address(subscriber, reveal: bool) -> str:
    """The address for someone allowed to see it (see ADDRESS_PERMISSION), else a mask."""
    return subscriber.email if reveal else MASKED_ADDRESS


def spreadsheet_safe(value) -> str:
    """Text a spreadsheet will show rather than run (OWASP: CSV injection)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def subscribers_csv(subscribers, *, reveal: bool) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="subscribers.csv"'
    writer = csv.writer(response)
    header = [_("Email address"), _("Status"), _("Subscribed"), _("Confirmed"), _("Follows")]
    writer.writerow(header)
    for subscriber in subscribers.prefetch_related("follows__author", "follows__section"):
        row = [
            shown_address(subscriber, reveal),
            subscriber.get_status_display(),
            subscriber.created_at.isoformat(),
            subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
            "; ".join(str(follow) for follow in subscriber.follows.all()),
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return response
