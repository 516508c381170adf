"""The reader's side of subscriptions: subscribe, confirm, unsubscribe, manage."""

import logging
from functools import wraps

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import TemplateView

from security.cross_site import is_cross_site

from . import ratelimit
from .conf import setting
from .forms import ManageForm, SubscribeForm
from .subscriptions import offer_confirmation, request_subscription
from .targets import all_targets
from .tokens import CONFIRM, MANAGE, UNSUBSCRIBE, make_token, read_token

logger = logging.getLogger(__name__)
# A reader's page with a form: anything but reading or posting it is answered 405.
page_with_form = require_http_methods(["GET", "HEAD", "POST"])


@csrf_exempt  # the form sits on cached pages, so no token: see security.cross_site
@sensitive_post_parameters("email")  # kept out of error reports
@page_with_form
def subscribe(request):
    if request.method != "POST":
        return render(request, "newsletter/subscribe.html", {"form": SubscribeForm.for_page()})
    form = SubscribeForm.from_post(request.POST)
    if is_cross_site(request):
        return refuse(request, form, _("Please subscribe with the form on our own pages."), 403)
    if form.is_robot:
        return redirect("newsletter:check_inbox")
    if not ratelimit.per_ip().allows(client_ip(request)):
        return too_many_attempts(request, form)
    if not form.is_valid():
        return render(request, "newsletter/subscribe.html", {"form": form}, status=400)
    if not ratelimit.per_address().allows(form.cleaned_data["email"]):
        return too_many_attempts(request, form)
    request_subscription(form.cleaned_data["email"], form.target)
    return redirect("newsletter:check_inbox")


def client_ip(request) -> str:
    header = setting("NEWSLETTER_CLIENT_IP_HEADER")
    return request.META.get(header) or request.META.get("REMOTE_ADDR", "")


def too_many_attempts(request, form):
    return refuse(request, form, _("Too many attempts. Please try again in an hour."), 429)


def refuse(request, form, message, status):
    """The form again, as it was filled in, with `message` above it."""
    form.add_error(None, message)
    return render(request, "newsletter/subscribe.html", {"form": form}, status=status)


class CheckInboxView(TemplateView):
    template_name = "newsletter/check_inbox.html"


def with_subscriber(purpose, *, expires=False):
    """Let a view take the subscriber its signed link names; refuse bad links with a page.

    Pages behind such links are never cached: each belongs to one reader.
    """

    def decorate(view):
        @never_cache
        @page_with_form
        @wraps(view)
        def wrapped(request, token):
            try:
                subscriber = read_token(token, purpose, expires=expires)
            except signing.SignatureExpired:
                return render(request, "newsletter/link_expired.html", {"token": token}, status=410)
            except signing.BadSignature:
                subscriber = None
            if subscriber is None:
                return render(request, "newsletter/link_invalid.html", status=400)
            return view(request, subscriber)

        return wrapped

    return decorate


@with_subscriber(CONFIRM, expires=True)
def confirm(request, subscriber):
    if request.method == "POST" and subscriber.awaits_confirmation():
        subscriber.confirm()
        logger.info("subscription confirmed: subscriber=%s", subscriber.pk)
    context = {"subscriber": subscriber, "manage_token": make_token(subscriber, MANAGE)}
    return render(request, "newsletter/confirm.html", context)


@require_POST
@with_subscriber(CONFIRM)
def resend(request, subscriber):
    offer_confirmation(subscriber)
    return redirect("newsletter:check_inbox")


@csrf_exempt  # RFC 8058: mail providers POST here without cookies or a CSRF token
@with_subscriber(UNSUBSCRIBE)
def unsubscribe(request, subscriber):
    if request.method == "POST":
        subscriber.unsubscribe()
        logger.info("unsubscribed: subscriber=%s", subscriber.pk)
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "newsletter/unsubscribe.html")


@with_subscriber(MANAGE)
def manage(request, subscriber):
    data = request.POST if request.method == "POST" else None
    form = ManageForm(data, subscriber=subscriber, targets=all_targets())
    if form.is_bound and form.is_valid():
        form.save()
        messages.success(request, _("Your choices are saved."))
        return redirect(request.path)
    context = {"form": form, "unsubscribe_token": make_token(subscriber, UNSUBSCRIBE)}
    return render(request, "newsletter/manage.html", context)
