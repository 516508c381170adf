from django.conf import settings

from .caching import remember
from .models import Section


def site(request):
    return {"site_name": settings.SITE_NAME, "nav_sections": nav_sections}


def nav_sections():
    """The header's sections, read once per content version (templates call this lazily)."""
    return remember("nav-sections", lambda: list(Section.objects.all()))
