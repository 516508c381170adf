from django.conf import settings

from .caching import share_until_catalogue_changes
from .models import Section


def site(request):
    return {"site_name": settings.SITE_NAME, "nav_sections": nav_sections}


def nav_sections():
    """The header's sections, read once until they change (templates call this lazily)."""
    return share_until_catalogue_changes("nav-sections", lambda: list(Section.objects.all()))
