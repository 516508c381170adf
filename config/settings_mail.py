"""Mail settings (newsletter/)."""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .env import PRODUCTION, SITE_NAME, VAR_DIR, env_bool

# Mail (newsletter/). Without EMAIL_HOST, mails are written as files to var/mail/ for
# a look during development; set EMAIL_HOST (and the rest) to send them by SMTP.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=not EMAIL_USE_SSL)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <columns@localhost>")
NEWSLETTER_CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
# Publication mails wait this long, time to cancel the mailing of a post published by mistake.
NEWSLETTER_GRACE_PERIOD = timedelta(minutes=int(os.environ.get("NEWSLETTER_GRACE_MINUTES", "10")))

# Subscribers' addresses are encrypted at rest (newsletter/keyring.py) under SUBSCRIBER_KEY:
# one or more Fernet keys, comma-separated, the first sealing. Without it, the keys are read
# from SUBSCRIBER_KEY_FILE, which development creates on first use; production needs one.
SUBSCRIBER_KEY = os.environ.get("SUBSCRIBER_KEY", "")
SUBSCRIBER_KEY_FILE = Path(os.environ.get("SUBSCRIBER_KEY_FILE", VAR_DIR / "subscriber.key"))
if PRODUCTION and not SUBSCRIBER_KEY and not SUBSCRIBER_KEY_FILE.exists():
    raise ImproperlyConfigured(
        "SUBSCRIBER_KEY (or a key file at SUBSCRIBER_KEY_FILE) must be set when "
        "DJANGO_ENV=production."
    )
