import re

import pytest
from django.urls import reverse

from tests.factories import PostFactory
from tests.production import PRODUCTION, run_manage

pytestmark = pytest.mark.django_db
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>", re.IGNORECASE)
DATA_BLOCK = re.compile(r"""type=["']?application/(ld\+)?json""", re.IGNORECASE)


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_nonced(response, scripts):
    """Every script in `scripts` (tag attributes) carries the nonce the policy names."""
    if scripts:
        nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])
        assert nonce
        for attributes in scripts:
            assert f'nonce="{nonce.group(1)}"' in attributes


def reader_pages():
    post = PostFactory(tags=["Belarus"])
    author = post.byline[0]
    return [
        "/",
        post.get_absolute_url(),
        author.get_absolute_url(),
        post.section.get_absolute_url(),
        post.tags.first().get_absolute_url(),
        reverse("authors:list"),
    ]


def test_reader_pages_get_a_strict_policy_and_the_other_security_headers(client):
    for url in reader_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert "'unsafe-inline'" not in policy["script-src"]
        assert "'unsafe-eval'" not in policy["script-src"]
        assert "'unsafe-inline'" not in policy["style-src"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'none'"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert "geolocation=()" in response.headers["Permissions-Policy"]


def inline_scripts(response):
    """The attributes of every inline script the browser would run (JSON data blocks aside)."""
    return [
        attributes
        for attributes in INLINE_SCRIPT.findall(response.content.decode())
        if not DATA_BLOCK.search(attributes)
    ]


def test_every_inline_script_on_a_reader_page_carries_the_request_nonce(client):
    for url in reader_pages():
        response = client.get(url)
        assert_nonced(response, inline_scripts(response))


def test_error_pages_carry_the_policy_too(client):
    response = client.get("/posts/no-such-post/")

    assert response.status_code == 404
    assert "'unsafe-inline'" not in directives(response)["script-src"]


def test_the_admin_policy_allows_inline_styles_but_scripts_only_with_the_nonce(admin_client):
    post = PostFactory()
    response = admin_client.get(reverse("admin:blog_post_change", args=[post.pk]))

    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["style-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    scripts = inline_scripts(response)
    assert any('type="importmap"' in attributes for attributes in scripts)
    assert_nonced(response, scripts)


def test_production_settings_pass_the_deployment_checks(tmp_path):
    result = run_manage("check", "--deploy", COLUMNIST_VAR_DIR=str(tmp_path), **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_cookies_are_secure_http_only_and_same_site(tmp_path):
    names = [
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SAMESITE",
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
    ]
    code = f"from django.conf import settings; print([getattr(settings, n) for n in {names!r}])"

    result = run_manage(
        "shell", "--no-imports", "-c", code, COLUMNIST_VAR_DIR=str(tmp_path), **PRODUCTION
    )

    assert result.stdout.strip() == str([True, True, "Lax", True, True, "Lax", 31536000, True])
