"""Error reports (mailed to ADMINS, or the debug page) leave out who made the request.

Django's filter already hides secrets among the settings and the POST fields a view marks
sensitive (the subscribe form marks the address); this one also hides the client's IP: the
peer address and every header a proxy may put it in.
"""

import re

from django.views.debug import SafeExceptionReporterFilter

CLIENT_ADDRESS = re.compile(
    r"^(REMOTE_ADDR|REMOTE_HOST|HTTP_FORWARDED|HTTP_X_FORWARDED_FOR|HTTP_X_REAL_IP"
    r"|HTTP_CF_CONNECTING_IP|HTTP_TRUE_CLIENT_IP|HTTP_X_CLIENT_IP|HTTP_CLIENT_IP)$"
)


class ReaderSafeExceptionReporterFilter(SafeExceptionReporterFilter):
    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        return {
            name: self.cleansed_substitute if CLIENT_ADDRESS.match(name) else value
            for name, value in meta.items()
        }
