from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("olga", password=PASSWORD, is_staff=True)


@pytest.fixture
def editor(staff):
    group, _created = Group.objects.get_or_create(name="Editors")
    staff.groups.add(group)
    return staff


def log_in(client, code=""):
    return client.post(
        reverse("admin:login"),
        {"username": "olga", "password": PASSWORD, "otp_token": code, "next": "/admin/"},
    )


def wrong_code(device):
    return "000000" if current_code(device) != "000000" else "111111"


REFUSED = "Please enter the correct username and password"


def later():
    return time_machine.travel(timezone.now() + timedelta(seconds=61), tick=False)


def test_two_factor_is_optional_for_staff_by_default(client, staff):
    assert log_in(client).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_with_an_authenticator_must_give_its_code(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)

    without = log_in(client)
    wrong = log_in(client, wrong_code(device))

    assert REFUSED in without.content.decode()
    assert REFUSED in wrong.content.decode()
    assert "_auth_user_id" not in client.session
    with later():
        assert log_in(client, current_code(device)).status_code == 302
        assert client.get(reverse("admin:index")).status_code == 200


def test_a_session_not_verified_by_the_code_is_kept_out(client, staff):
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    client.force_login(staff)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_when_required_an_editor_without_a_device_is_sent_to_set_one_up(client, editor, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_EDITORS = True
    log_in(client)

    response = client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("admin:two_factor_setup")
    page = response.content.decode()
    assert "Scan this code with an authenticator app" in page
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.post(reverse("admin:two_factor_setup"), {"otp_token": "12"}).status_code == 200
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()

    with later():
        code = current_code(device)
        confirmed = client.post(reverse("admin:two_factor_setup"), {"otp_token": code})
        assert confirmed.url == reverse("admin:index")
        assert client.get(reverse("admin:index")).status_code == 200
    client.logout()
    with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=False):
        assert log_in(client).status_code == 200
        assert log_in(client, current_code(device)).status_code == 302


def test_when_required_authors_are_not_forced(client, staff, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_EDITORS = True

    log_in(client)

    assert client.get(reverse("admin:index")).status_code == 200


def test_a_password_alone_cannot_replace_an_existing_authenticator(client, staff):
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    client.force_login(staff)

    response = client.get(reverse("admin:two_factor_setup"))

    assert response.url == reverse("admin:login")
    assert TOTPDevice.objects.filter(user=staff).count() == 1
    assert "_auth_user_id" not in client.session


def test_the_setup_page_is_for_logged_in_staff_only(client):
    response = client.get(reverse("admin:two_factor_setup"))

    assert response.url == reverse("admin:login")
    assert not TOTPDevice.objects.exists()


def test_the_admin_links_to_the_two_factor_setup(client, staff):
    client.force_login(staff)

    page = client.get(reverse("admin:index")).content.decode()

    assert f'href="{reverse("admin:two_factor_setup")}"' in page


def test_a_wrong_code_is_refused_like_a_wrong_password(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)

    code_refused = log_in(client, wrong_code(device))
    password_refused = client.post(
        reverse("admin:login"), {"username": "olga", "password": "wrong", "otp_token": "123456"}
    )

    assert code_refused.context["form"].errors == password_refused.context["form"].errors
    assert REFUSED in code_refused.content.decode()


def test_wrong_codes_count_toward_the_lockout(client, staff, settings):
    settings.AXES_ENABLED = True
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, wrong_code(device)).status_code == 200

    locked = log_in(client, wrong_code(device))
    with later():
        still_locked = log_in(client, current_code(device))

    assert locked.status_code == 429
    assert still_locked.status_code == 429
    assert "_auth_user_id" not in client.session
