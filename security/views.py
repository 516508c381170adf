"""Answers for requests that go wrong before a view runs: locked-out logins, bad requests,
failed CSRF checks."""

import math

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

TOO_LARGE = 413
TOO_MANY_REQUESTS = 429


def lockout(request, original_response=None, credentials=None):
    """django-axes' lockout answer: 429 and a page that says how long to wait."""
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": math.ceil(get_cool_off(request).total_seconds() / 60),
    }
    return render(request, "security/lockout.html", context, status=TOO_MANY_REQUESTS)


def over_limit(exception) -> str:
    """What a request over one of the request limits is told, naming the limit ("" for any
    other bad request)."""
    if isinstance(exception, RequestDataTooBig):
        size = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return _(
            "This site accepts at most %(size)s of text in one request, and what was sent is "
            "larger, so nothing was saved. Please send less: images go in their own upload field."
        ) % {"size": size}
    if isinstance(exception, TooManyFieldsSent):
        count = number_format(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS, force_grouping=True)
        return _(
            "This site accepts at most %(count)s fields in one form, and what was sent has "
            "more, so nothing was saved. A post can have at most %(tags)s tags."
        ) % {"count": count, "tags": settings.POST_MAX_TAGS}
    return ""


def bad_request(request, exception):
    """handler400: a request over one of the request limits gets 413 and a page naming the
    limit; other bad requests get a plain 400."""
    problem = over_limit(exception)
    status = TOO_LARGE if problem else 400
    return render(request, "security/bad_request.html", {"problem": problem}, status=status)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the house 403 page, saying why a form was refused and what to do."""
    return render(request, "403.html", {"csrf_failure": True}, status=403)
