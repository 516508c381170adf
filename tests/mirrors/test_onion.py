"""The onion address: announced on the main host (Onion-Location), served over plain HTTP
without the HTTPS redirect or HSTS, with forms that pass the CSRF check."""

import re

import pytest
from django.test import Client

from .hosts import MAIN, MIRROR, ONION, get

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("hosts")]


@pytest.fixture
def production_https(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**directives, "upgrade-insecure-requests": True}
    }


def test_pages_on_the_main_host_name_their_onion_address(client, demo_post):
    path = f"{demo_post.get_absolute_url()}?utm_source=x"

    response = get(client, path, MAIN)

    assert response["Onion-Location"] == f"{ONION}{path}"


@pytest.mark.parametrize("origin", [MIRROR, ONION])
def test_mirrors_and_the_onion_itself_do_not(client, demo_post, origin):
    assert not get(client, demo_post.get_absolute_url(), origin).has_header("Onion-Location")


def test_nor_does_what_is_not_a_page(client, demo_post):
    assert not get(client, "/feed/", MAIN).has_header("Onion-Location")


def test_without_an_onion_address_there_is_no_header(client, demo_post, settings):
    settings.ONION_ORIGIN = ""

    assert not get(client, "/", MAIN).has_header("Onion-Location")


@pytest.mark.usefixtures("production_https")
def test_the_main_host_is_https_only(client, demo_post):
    assert client.get("/", HTTP_HOST="columnist.example").status_code == 301
    response = get(client, "/", MAIN)
    assert response.has_header("Strict-Transport-Security")
    assert "upgrade-insecure-requests" in response["Content-Security-Policy"]


@pytest.mark.usefixtures("production_https")
def test_the_onion_address_is_served_over_http_without_hsts(client, demo_post):
    response = get(client, demo_post.get_absolute_url(), ONION)

    assert response.status_code == 200
    assert not response.has_header("Strict-Transport-Security")
    assert "upgrade-insecure-requests" not in response["Content-Security-Policy"]


@pytest.mark.usefixtures("production_https")
def test_forms_on_the_onion_address_pass_the_csrf_check_over_http(settings):
    settings.CSRF_COOKIE_SECURE = settings.SESSION_COOKIE_SECURE = True
    browser = Client(enforce_csrf_checks=True, HTTP_HOST=ONION.removeprefix("http://"))
    login_page = browser.get(f"/{settings.ADMIN_URL}login/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page)[1]

    response = browser.post(
        f"/{settings.ADMIN_URL}login/",
        {"csrfmiddlewaretoken": token, "username": "nobody", "password": "wrong"},
        HTTP_ORIGIN=ONION,
    )

    assert response.status_code == 200  # the login form again, with its error: not a 403
    assert "csrfmiddlewaretoken" in response.content.decode()
