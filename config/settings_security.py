"""Security settings (see security/ and README "Security"): headers, CSP, admin hardening,
uploads, and the logs with their audit trail. Django's safe defaults are not repeated:
X-Frame-Options DENY, nosniff, COOP same-origin, SameSite=Lax session and CSRF cookies."""

import os
from datetime import timedelta

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .env import PRODUCTION, SITE_NAME, env_bool

ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "security.views.lockout"
# Admin apps only superusers see in the admin's lists (security and task internals).
ADMIN_SUPERUSER_APPS = ["axes", "otp_totp", "django_tasks_database"]
TWO_FACTOR_REQUIRED_FOR_EDITORS = env_bool("TWO_FACTOR_REQUIRED_FOR_EDITORS")
# Who counts as an editor there: security knows roles only by this permission.
TWO_FACTOR_EDITOR_PERMISSION = "blog.edit_any_post"
OTP_TOTP_ISSUER = SITE_NAME
SESSION_COOKIE_AGE = int(os.environ.get("ADMIN_SESSION_SECONDS", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "security.views.csrf_failure"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
# The interface language: read by the server only. (The messages cookie follows the session's.)
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
if env_bool("BEHIND_HTTPS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "https:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": PRODUCTION,
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        # The admin's templates and widgets set style attributes; scripts stay nonce-only.
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "https:", "data:"],
    }
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Rich text (post bodies, biographies, disclaimers) beyond these is refused before sanitising:
# the longest essays run to ~100,000 characters and nest 6 or 7 elements deep.
RICH_TEXT_MAX_CHARS = int(os.environ.get("RICH_TEXT_MAX_CHARS", "500000"))
RICH_TEXT_MAX_DEPTH = int(os.environ.get("RICH_TEXT_MAX_DEPTH", "40"))
POST_MAX_TAGS = int(os.environ.get("POST_MAX_TAGS", "50"))
IMAGE_UPLOAD_MAX_BYTES = int(os.environ.get("IMAGE_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
IMAGE_UPLOAD_MAX_PIXELS = int(os.environ.get("IMAGE_UPLOAD_MAX_PIXELS", "40000000"))
# Hosts whose images a post body may show: every other body image must come from the media
# library (a third-party image tells its host who reads the post). Comma-separated; none.
ALLOWED_EMBED_HOSTS = [
    host.strip().lower()
    for host in os.environ.get("ALLOWED_EMBED_HOSTS", "").split(",")
    if host.strip()
]

# Error reports hide the client's IP as well as secrets (security/error_reports.py).
DEFAULT_EXCEPTION_REPORTER_FILTER = "security.error_reports.ReaderSafeExceptionReporterFilter"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "security.logs.RedactFilter"}},
    "formatters": {
        "json": {"()": "security.logs.JsonLinesFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": os.environ.get("LOG_FORMAT", "json"),
            "filters": ["redact"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # security.audit records logins and lockouts; axes' own chatter is left out.
    "loggers": {"axes": {"level": "WARNING"}},
}
