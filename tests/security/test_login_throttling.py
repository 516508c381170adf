from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("throttling")]
PASSWORD = "correct-horse-battery"


@pytest.fixture
def throttling(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("olga", password=PASSWORD, is_staff=True)


def log_in(client, password, username="olga"):
    return client.post(reverse("admin:login"), {"username": username, "password": password})


def test_a_wrong_password_is_answered_by_the_login_form(client, editor):
    response = log_in(client, "wrong-password")

    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()


def test_the_fifth_failure_locks_the_login_with_a_clear_message(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong-password").status_code == 200

    response = log_in(client, "wrong-password")

    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed logins" in page
    assert "Logging in failed 5 times in a row" in page
    assert "Try again in 15 minutes." in page


def test_while_locked_even_the_right_password_is_refused(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong-password")

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_after_the_cool_off(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong-password")

    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_failures_for_one_account_do_not_lock_another(client, editor, django_user_model, settings):
    django_user_model.objects.create_user("pavel", password=PASSWORD, is_staff=True)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong-password")

    assert log_in(client, PASSWORD, username="pavel").status_code == 302
