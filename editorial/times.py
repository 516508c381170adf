"""Times as the desk reads them: in the site's time zone, which is named."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext


def local_time(moment) -> str:
    """`moment` in the site's time zone with the zone's name, e.g. "2 Dec 2026, 3:40 p.m.
    (Europe/Minsk)"."""
    return gettext("%(time)s (%(zone)s)") % {
        "time": date_format(timezone.localtime(moment), "DATETIME_FORMAT"),
        "zone": zone_name(),
    }


def zone_name() -> str:
    return timezone.get_current_timezone_name()
