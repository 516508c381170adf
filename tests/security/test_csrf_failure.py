"""A form sent without a valid CSRF token gets the house 403 page, not Django's stock one."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_failed_csrf_check_shows_the_house_403_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("admin:login"), {"username": "olga", "password": "x"})

    page = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Not allowed</h1>" in page
    assert "Nothing was saved. Go back, reload the page and send the form again." in page
    assert 'class="language-switcher"' in page  # the site's own layout
    assert "CSRF verification failed" not in page
