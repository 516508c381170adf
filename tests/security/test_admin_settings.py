from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from .test_headers import run_manage

pytestmark = pytest.mark.django_db


def test_the_admin_session_expires(client, admin_user, settings):
    client.force_login(admin_user)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.session.get_expire_at_browser_close()

    moment = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    with time_machine.travel(moment, tick=False):
        response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_the_admin_address_comes_from_the_environment(tmp_path):
    code = (
        "from django.urls import reverse; from django.test import Client;"
        "print(reverse('admin:index'), Client().get('/admin/').status_code,"
        " 'unsafe-inline' in Client().get('/desk-7f3a/login/').headers['Content-Security-Policy'])"
    )

    result = run_manage(
        "shell", "--no-imports", "-c", code, ADMIN_URL="desk-7f3a", COLUMNIST_VAR_DIR=str(tmp_path)
    )

    assert result.stdout.split() == ["/desk-7f3a/", "404", "True"], result.stderr


@pytest.mark.parametrize(
    "weak",
    [
        "short-pw1",
        "aaaaaaaaaaaaaaaa",
        "abababababababab",
        "password1234",
        "12345678901234",
        "olga-k@example.org",
    ],
)
def test_weak_passwords_are_refused(weak, django_user_model):
    user = django_user_model(username="olga-k", email="olga-k@example.org")

    with pytest.raises(ValidationError):
        validate_password(weak, user)


def test_a_long_varied_passphrase_is_accepted(django_user_model):
    validate_password("tram-lilac-Niemen-1994", django_user_model(username="olga"))


def test_the_admin_carries_the_sites_name_not_djangos(admin_client, settings):
    settings.SITE_NAME = "Svaboda Opinions"

    page = admin_client.get("/admin/").content.decode()

    assert "<title>Editorial desk | Svaboda Opinions</title>" in page
    assert "Django administration" not in page
