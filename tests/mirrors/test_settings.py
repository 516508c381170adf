"""MIRROR_HOSTS and ONION_HOST as a deployment writes them."""

from tests.production import run_in_production

READ_SETTINGS = (
    "import json; from django.conf import settings; print(json.dumps({"
    "'mirrors': settings.MIRROR_ORIGINS, 'onion': settings.ONION_ORIGIN,"
    "'allowed_hosts': settings.ALLOWED_HOSTS, 'trusted': settings.CSRF_TRUSTED_ORIGINS}))"
)


def test_mirror_and_onion_hosts_become_origins_that_are_allowed_and_trusted(tmp_path):
    settings = run_in_production(
        tmp_path,
        READ_SETTINGS,
        MIRROR_HOSTS="mirror-one.example, http://127.0.0.1:8001/",
        ONION_HOST="columnistexample.onion",
    )

    assert settings == {
        "mirrors": ["https://mirror-one.example", "http://127.0.0.1:8001"],
        "onion": "http://columnistexample.onion",
        "allowed_hosts": [
            "columns.example.org",
            "mirror-one.example",
            "127.0.0.1",
            "columnistexample.onion",
        ],
        "trusted": [
            "https://mirror-one.example",
            "http://127.0.0.1:8001",
            "http://columnistexample.onion",
        ],
    }


def test_without_them_nothing_changes(tmp_path):
    settings = run_in_production(tmp_path, READ_SETTINGS)

    assert settings == {
        "mirrors": [],
        "onion": "",
        "allowed_hosts": ["columns.example.org"],
        "trusted": [],
    }
