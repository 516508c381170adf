"""Answers for requests that go wrong before a view runs: locked-out logins, bad requests,
failed CSRF checks."""

import math

from axes.helpers import get_cool_off, get_failure_limit
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render

TOO_LARGE = 413
TOO_MANY_REQUESTS = 429


def lockout(request, original_response=None, credentials=None):
    """django-axes' lockout answer: 429 and a page that says how long to wait."""
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": math.ceil(get_cool_off(request).total_seconds() / 60),
    }
    return render(request, "security/lockout.html", context, status=TOO_MANY_REQUESTS)


def bad_request(request, exception):
    """handler400: a too-large body gets 413 and says so; other bad requests get a plain 400."""
    too_large = isinstance(exception, RequestDataTooBig)
    return render(
        request,
        "security/bad_request.html",
        {"too_large": too_large},
        status=TOO_LARGE if too_large else 400,
    )


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the house 403 page, saying why a form was refused and what to do."""
    return render(request, "403.html", {"csrf_failure": True}, status=403)
