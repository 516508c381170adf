"""Production settings for serving at scale: shared caches, reused database connections."""

from tests.production import run_in_production

READ_SETTINGS = (
    "import json; from django.conf import settings; print(json.dumps({"
    "'caches': {alias: c['BACKEND'] for alias, c in settings.CACHES.items()},"
    "'conn_max_age': settings.DATABASES['default']['CONN_MAX_AGE'],"
    "'health_checks': settings.DATABASES['default'].get('CONN_HEALTH_CHECKS'),"
    "'database_options': settings.DATABASES['default']['OPTIONS'],"
    "'page_cache': settings.PAGE_CACHE,"
    "'shared_prefix': settings.CACHES['shared'].get('KEY_PREFIX'),"
    "'media': settings.STORAGES['default']}))"
)


def production_settings(tmp_path, **environment):
    return run_in_production(tmp_path, READ_SETTINGS, **environment)


def test_without_redis_pages_stay_in_memory_and_the_version_in_a_shared_file(tmp_path):
    settings = production_settings(tmp_path)

    assert settings["caches"] == {
        "default": "django.core.cache.backends.locmem.LocMemCache",
        "shared": "pagecache.shared_file_cache.SharedFileCache",
        "pages": "django.core.cache.backends.locmem.LocMemCache",
        "query_pages": "django.core.cache.backends.locmem.LocMemCache",
    }
    assert settings["page_cache"] is True
    assert settings["conn_max_age"] == 60
    assert settings["media"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_with_redis_every_process_shares_the_version_and_the_default_cache(tmp_path):
    settings = production_settings(
        tmp_path,
        REDIS_URL="redis://127.0.0.1:6379/14",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/columnist",
    )

    redis = "pagecache.resilient_cache.ResilientRedisCache"
    assert settings["caches"]["default"] == settings["caches"]["shared"] == redis
    assert settings["conn_max_age"] == 60
    assert settings["health_checks"] is True
    assert settings["database_options"]["options"] == "-c jit=off"


def test_media_can_live_in_an_object_store_bucket(tmp_path):
    settings = production_settings(
        tmp_path, MEDIA_BUCKET="columnist-media", MEDIA_DOMAIN="media.example.org"
    )

    assert settings["media"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert settings["media"]["OPTIONS"]["bucket_name"] == "columnist-media"
    assert settings["media"]["OPTIONS"]["custom_domain"] == "media.example.org"


def test_sites_on_different_databases_never_share_cache_keys(tmp_path):
    def prefix(database_url, **environment):
        settings = production_settings(tmp_path, DATABASE_URL=database_url, **environment)
        return settings["shared_prefix"]

    one, other = "sqlite:////srv/one.sqlite3", "postgres://postgres@127.0.0.1:5432/other"

    assert prefix(one) == prefix(one) != prefix(other)
    assert prefix(other, REDIS_URL="redis://127.0.0.1:6379/14") == prefix(other)
    assert prefix(other, CACHE_KEY_PREFIX="chosen") == "chosen"
