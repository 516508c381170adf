"""Columnist settings, read from the environment.

DJANGO_ENV=production switches on the production checks; everything else has a
safe local default so that `make run` works on a fresh machine. The environment helpers
are in env.py; security and logs in settings_security.py, mail in settings_mail.py,
Telegram in settings_telegram.py, the static edition in settings_edition.py, mirrors and
the onion address in settings_mirrors.py.
"""

import hashlib
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import (  # noqa: F401  (settings too)
    BASE_DIR,
    ENVIRONMENT,
    PRODUCTION,
    SITE_NAME,
    VAR_DIR,
    env_bool,
    env_list,
    required_in_production,
)
from .settings_edition import *  # noqa: F403
from .settings_fediverse import *  # noqa: F403
from .settings_mail import *  # noqa: F403
from .settings_mirrors import *  # noqa: F403
from .settings_mirrors import alternative_hosts, alternative_origins
from .settings_security import *  # noqa: F403
from .settings_telegram import *  # noqa: F403

SECRET_KEY = required_in_production("SECRET_KEY", "insecure-development-key-not-for-production")
DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or (
    [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DJANGO_ENV=production.")
ALLOWED_HOSTS += alternative_hosts()
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") + alternative_origins()


INSTALLED_APPS = [
    "security.apps.ColumnistAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "taggit",
    "simple_history",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "security",
    "backups",
    "authors",
    "library",
    "blog",
    "editorial",
    "newsletter",
    "feeds",
    "telegram",
    "mirrors",
    "fediverse",
    "search",
    "seo",
    "edition",
    "bench",
    "pagecache",
]

MIDDLEWARE = [
    # First, so that a cached page skips the rest; it keeps what the rest adds (see its doc).
    "pagecache.middleware.PageCacheMiddleware",
    "security.headers.OnionTransportMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Absolute addresses on the host the reader came through (blog/links.py).
    "mirrors.middleware.PublicOriginMiddleware",
    "security.headers.ContentSecurityPolicyMiddleware",
    "security.headers.PermissionsPolicyMiddleware",
    "security.requests.HostileRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "fediverse.negotiation.ActivityJsonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "blog.context_processors.site",
            ],
        },
    },
]

SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
    ),
}


def database_from_environment():
    url = os.environ.get("DATABASE_URL")
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{VAR_DIR / 'columnist.sqlite3'}"
    conn_max_age = int(os.environ.get("CONN_MAX_AGE", "60" if PRODUCTION else "0"))
    database = dj_database_url.parse(url, conn_max_age=conn_max_age)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    else:
        database["CONN_HEALTH_CHECKS"] = True
    if database["ENGINE"] == "django.db.backends.postgresql":
        # JIT compilation costs a page's short queries far more than it saves.
        database["OPTIONS"] = {"options": "-c jit=off", **database.get("OPTIONS", {})}
    return database


DATABASES = {"default": database_from_environment()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "security.passwords.DistinctCharactersValidator"},
]

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en")
LANGUAGES = [("en", _("English")), ("be", _("Belarusian"))]
CONTENT_LANGUAGES = [("be", _("Belarusian")), ("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Minsk")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))


def media_storage():
    """Uploads on this machine's disk or, with MEDIA_BUCKET, in an S3-compatible bucket
    through django-storages (a dependency, which the static edition uses too; boto3 reads
    the AWS_* credentials from the environment). See README "Running at scale"."""
    bucket = os.environ.get("MEDIA_BUCKET")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("MEDIA_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("MEDIA_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }


STORAGES = {
    "default": media_storage(),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def cache_key_prefix() -> str:
    """CACHE_KEY_PREFIX, or one naming the database, so that sites (or a site and a copy
    on another database) sharing a Redis or a cache folder never read each other's keys."""
    database = DATABASES["default"]
    identity = "|".join(str(database.get(part, "")) for part in ("ENGINE", "NAME", "HOST", "PORT"))
    digest = hashlib.blake2b(identity.encode(), digest_size=6).hexdigest()
    return os.environ.get("CACHE_KEY_PREFIX") or f"columnist-{digest}"


def caches_from_environment():
    """Rendered pages live in each process's memory: "pages" for addresses without a
    query, and a smaller "query_pages" for the rest (search, "Older" pages), so that those
    never push posts out. The generation that says when they are stale (pagecache) lives
    where every process reads it ("shared"), alone, so that no amount of reading can
    evict it: with REDIS_URL, in Redis, which is also the default cache; without it, in
    a file on this machine, and the default cache is local memory.

    The site does without Redis while it is down (pagecache.resilient_cache): pages are
    then rendered uncached, and a server that does not answer costs one short socket
    timeout every RETRY_AFTER seconds, not one per cache read."""
    pages = {
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        },
        "query_pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "query-pages",
            "OPTIONS": {"MAX_ENTRIES": 200},
        },
    }
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        redis = {
            "BACKEND": "pagecache.resilient_cache.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": cache_key_prefix(),
            "RETRY_AFTER": 5,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
        return {"default": redis, "shared": redis, **pages}
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {
            "BACKEND": "pagecache.shared_file_cache.SharedFileCache",
            "LOCATION": (VAR_DIR / "cache").resolve(),
            "KEY_PREFIX": cache_key_prefix(),
        },
        **pages,
    }


CACHES = caches_from_environment()
# Anonymous readers' pages and feeds come from the cache (pagecache); every change readers
# can see starts a new generation, which makes them all stale at once. Cache-Control lets
# browsers and a CDN keep them briefly.
PAGE_CACHE = env_bool("PAGE_CACHE", default=not DEBUG)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(24 * 60 * 60)))
# How long a process trusts the generation it read last (pagecache/generation.py).
GENERATION_RECHECK_SECONDS = float(os.environ.get("GENERATION_RECHECK_SECONDS", "1"))
PAGE_CACHE_CONTROL = {
    "max_age": int(os.environ.get("PAGE_MAX_AGE", "60")),
    "s_maxage": int(os.environ.get("PAGE_S_MAXAGE", "300")),
    "stale_while_revalidate": int(os.environ.get("PAGE_STALE_WHILE_REVALIDATE", "600")),
}

TAGGIT_CASE_INSENSITIVE = True
POSTS_PER_PAGE = int(os.environ.get("POSTS_PER_PAGE", "10"))
WORDS_PER_MINUTE = 200
# The largest post form the admin autosaves while a writer types (editorial/admin/autosave.py).
AUTOSAVE_MAX_BYTES = int(os.environ.get("AUTOSAVE_MAX_BYTES", str(2 * 1024 * 1024)))
# New slugs in Latin letters ("Беларусь" → "belarus") instead of the title's own script.
SLUG_TRANSLITERATE = env_bool("SLUG_TRANSLITERATE", default=False)

# Feeds (feeds/): items per feed, the site's public address for work outside a request
# (WebSub pings, item ids), and the WebSub hub to notify on publication (empty: none).
FEED_ITEMS = int(os.environ.get("FEED_ITEMS", "20"))
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WEBSUB_HUB = os.environ.get("WEBSUB_HUB", "")
