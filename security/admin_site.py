"""The admin site: two-factor aware login, the page where staff set up their authenticator,
and forms kept when the session ended before they were saved (security.form_rescue)."""

from base64 import b32encode
from functools import update_wrapper

import segno
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import form_rescue
from .two_factor import (
    EnrollmentForm,
    TwoFactorLoginForm,
    confirmed_device,
    needs_enrollment,
    passes_two_factor,
)


class ColumnistAdminSite(admin.AdminSite):
    login_form = TwoFactorLoginForm
    login_template = "security/admin_login.html"
    index_title = _("Editorial desk")

    @property
    def site_header(self):
        return settings.SITE_NAME

    site_title = site_header

    def get_app_list(self, request, app_label=None):
        """Security and task internals (settings.ADMIN_SUPERUSER_APPS) are listed, and their
        app pages open, for superusers only, whatever permissions anyone else holds."""
        apps = super().get_app_list(request, app_label)
        if request.user.is_superuser:
            return apps
        return [app for app in apps if app["app_label"] not in settings.ADMIN_SUPERUSER_APPS]

    def has_permission(self, request):
        return super().has_permission(request) and passes_two_factor(request.user)

    def login(self, request, extra_context=None):
        if needs_enrollment(request.user):
            return redirect("admin:two_factor_setup")
        return super().login(request, extra_context)

    def admin_view(self, view, cacheable=False):
        checked = super().admin_view(view, cacheable)
        if not form_rescue.keeps_forms_of(view):
            return checked

        def keeping_the_form(request, *args, **kwargs):
            response = checked(request, *args, **kwargs)
            if response.status_code == 302 and request.method == "POST":
                self.keep_form_unless_allowed(request)
            return response

        return update_wrapper(keeping_the_form, view)

    def keep_form_unless_allowed(self, request):
        if not self.has_permission(request):
            form_rescue.keep(request)

    def get_urls(self):
        setup = never_cache(csrf_protect(self.two_factor_setup))
        return [path("two-factor/", setup, name="two_factor_setup"), *super().get_urls()]

    def two_factor_setup(self, request):
        """Show a new authenticator secret (QR code and text) and confirm it with a code."""
        user = request.user
        if not (user.is_active and user.is_staff):
            return redirect("admin:login")
        if confirmed_device(user) is not None:
            return self._already_set_up(request)
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": "authenticator"}
        )
        form = EnrollmentForm(request.POST or None, device=device)
        if form.is_valid():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-factor login is on. You will need a code each time."))
            return redirect("admin:index")
        context = {
            **self.each_context(request),
            "title": _("Set up two-factor login"),
            "form": form,
            "qr_code": mark_safe(segno.make(device.config_url).svg_inline(scale=4)),
            "secret": b32encode(device.bin_key).decode(),
        }
        return TemplateResponse(request, "security/two_factor_setup.html", context)

    def _already_set_up(self, request):
        if passes_two_factor(request.user):
            messages.info(request, _("Two-factor login is already set up for your account."))
            return redirect("admin:index")
        logout(request)
        return redirect("admin:login")
