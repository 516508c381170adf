"""The interface language switcher: Django's `set_language`, for a form on cached pages.

The form is in the footer of pages every reader shares from the page cache, which cannot
hold a per-reader CSRF token; like the subscribe form, it is defended instead by refusing
a POST the browser marks as coming from another site.
"""

from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from security.cross_site import is_cross_site


@csrf_exempt
@require_POST
def switch_language(request):
    if is_cross_site(request):
        return HttpResponseForbidden(_("Please change the language with the form on our pages."))
    return set_language(request)
