from django.conf import settings

from .models import Section


def site(request):
    return {"site_name": settings.SITE_NAME, "nav_sections": nav_sections}


def nav_sections():
    """The header's sections (templates call this lazily)."""
    return list(Section.objects.all())
