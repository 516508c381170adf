"""The audit trail in the logs: logins, failed logins and lockouts, and whatever other apps
report through `log_event` (editorial reports publications).

Receivers log who and from where, never a password (Django already cleanses the
credentials it passes along, and only the username is read here).
"""

import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

logger = logging.getLogger("columnist.audit")


def client_address(request):
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def log_event(event: str, message: str, **fields):
    """One line of the audit trail: `event` names it, `fields` (ids, never personal data)
    go along as structured fields."""
    logger.info(message, extra={"event": event, **fields})


@receiver(user_logged_in, dispatch_uid="audit_login")
def log_login(sender, request, user, **kwargs):
    logger.info(
        "login",
        extra={"event": "login", "user_id": user.pk, "ip": client_address(request)},
    )


@receiver(user_logged_out, dispatch_uid="audit_logout")
def log_logout(sender, request, user, **kwargs):
    logger.info(
        "logout",
        extra={
            "event": "logout",
            "user_id": getattr(user, "pk", None),
            "ip": client_address(request),
        },
    )


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def log_failed_login(sender, credentials, request=None, **kwargs):
    logger.warning(
        "login failed",
        extra={
            "event": "login_failed",
            "username": str(credentials.get("username", "")),
            "ip": client_address(request),
        },
    )


@receiver(user_locked_out, dispatch_uid="audit_locked_out")
def log_lockout(sender, request, username, ip_address, **kwargs):
    logger.warning(
        "login locked out",
        extra={"event": "login_locked_out", "username": str(username or ""), "ip": ip_address},
    )
