"""/.well-known/mirrors.json: the main domain and its announced mirrors, in the shape of
OTF's bypass-censorship mirror lists ("bypass-mirrors" v2, as bypass-otf_proxy publishes
them and the Bypass Censorship extension reads them)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from .models import Mirror

VERSION = "2.0"


@require_safe
def mirrors_json(request):
    return JsonResponse(mirror_list())


def mirror_list() -> dict:
    return {
        "version": VERSION,
        "sites": [
            {
                "main_domain": main_domain(),
                "available_alternatives": [
                    alternative(mirror) for mirror in Mirror.objects.announced()
                ],
            }
        ],
    }


def main_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname.removeprefix("www.")


def alternative(mirror: Mirror) -> dict:
    proto, kind = ("tor", "eotk") if mirror.is_onion else (urlsplit(mirror.url).scheme, "mirror")
    return {
        "proto": proto,
        "type": kind,
        "url": mirror.url,
        "created_at": mirror.created_at.isoformat(),
        "updated_at": mirror.updated_at.isoformat(),
    }
