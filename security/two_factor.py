"""Two-factor login for staff with TOTP devices (django-otp).

A staff member who has set up an authenticator must give its code at every login. When
TWO_FACTOR_REQUIRED_FOR_EDITORS is on, editors (who hold TWO_FACTOR_EDITOR_PERMISSION, by
default the Editors group's permission to edit every post) and superusers must set one up:
after their password they are sent to the setup page, and the admin stays closed to them
until their session is verified.
"""

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def two_factor_required(user):
    return settings.TWO_FACTOR_REQUIRED_FOR_EDITORS and user.has_perm(
        settings.TWO_FACTOR_EDITOR_PERMISSION
    )


def is_verified(user):
    return getattr(user, "is_verified", lambda: False)()


def passes_two_factor(user):
    """True when the user's session satisfies the two-factor rule (remembered on the user)."""
    if not hasattr(user, "_passes_two_factor"):
        user._passes_two_factor = is_verified(user) or not (
            confirmed_device(user) or two_factor_required(user)
        )
    return user._passes_two_factor


def needs_enrollment(user):
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and confirmed_device(user) is None
        and two_factor_required(user)
    )


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=8,
            strip=True,
            widget=forms.TextInput(
                attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
            ),
            **kwargs,
        )


class TwoFactorLoginForm(AdminAuthenticationForm):
    """A missing or wrong code is refused like a wrong password — the same message, and a
    failed login that counts toward django-axes' lockout — so that the answer never tells
    that the password was right."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter the correct %(username)s and password for a staff account, and the "
            "code your authenticator app shows if you have set one up. Note that the "
            "username and password may be case-sensitive."
        ),
    }
    otp_token = CodeField(
        label=_("Authenticator code"),
        required=False,
        help_text=_("Only if you have set up two-factor login."),
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        device = confirmed_device(user) if user else None
        if device is not None:
            user.otp_device = self._verified(user, device, cleaned_data.get("otp_token"))
        return cleaned_data

    def _verified(self, user, device, token):
        verified = verify_token(user, device.persistent_id, token) if token else None
        if verified is None:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username")},
                request=self.request,
            )
            raise self.get_invalid_login_error()
        return verified


class EnrollmentForm(forms.Form):
    otp_token = CodeField(label=_("Code from the app"))

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"]
        if not self.device.verify_token(token):
            raise ValidationError(
                _("That code does not match. Check the time on your phone and try again."),
                code="invalid_token",
            )
        return token
