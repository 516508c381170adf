"""What the environment says about this deployment, and the helpers every settings module
reads it with."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("COLUMNIST_VAR_DIR", BASE_DIR / "var"))

ENVIRONMENT = os.environ.get("DJANGO_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def required_in_production(name, development_default):
    value = os.environ.get(name, "")
    if value:
        return value
    if PRODUCTION:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_ENV=production.")
    return development_default


SITE_NAME = os.environ.get("SITE_NAME", "Columnist")


def origin(value: str, default_scheme: str) -> str:
    """`value` — a host ("mirror.example", "mirror.example:8443") or an origin
    ("http://127.0.0.1:8001") — as an origin, with `default_scheme` when it names none."""
    value = value.strip().rstrip("/")
    if not value or "://" in value:
        return value
    return f"{default_scheme}://{value}"
