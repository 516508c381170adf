"""The mirrors in the admin: editors see each with its last check; only superusers may stop
announcing one; nobody adds one there (they come from settings)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mirrors.models import Mirror
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = reverse("admin:mirrors_mirror_changelist")


@pytest.fixture
def down_mirror():
    return Mirror.objects.create(
        url="https://mirror.example",
        result=Mirror.Result.DOWN,
        http_status=502,
        error="HTTP 502",
        checked_at=timezone.now(),
    )


def change(mirror):
    return reverse("admin:mirrors_mirror_change", args=[mirror.pk])


def test_editors_see_each_mirror_with_its_last_check(client, down_mirror):
    client.force_login(UserFactory(groups=["Editors"]))

    page = client.get(LIST).content.decode()

    assert "https://mirror.example" in page
    assert "down" in page
    assert "HTTP 502" in page
    assert "mirrors/mirror/" in client.get(reverse("admin:index")).content.decode()


def test_editors_cannot_withdraw_a_mirror(client, down_mirror):
    client.force_login(UserFactory(groups=["Editors"]))

    client.post(change(down_mirror), {"listed": ""})

    assert Mirror.objects.get().listed


def test_authors_do_not_see_mirrors(client, down_mirror):
    client.force_login(UserFactory(groups=["Authors"]))

    assert client.get(LIST).status_code == 403


def test_a_superuser_withdraws_a_mirror_and_nothing_else_changes(client, down_mirror):
    client.force_login(UserFactory(is_superuser=True))

    response = client.post(change(down_mirror), {"listed": "", "url": "https://evil.example"})

    assert response.status_code == 302
    mirror = Mirror.objects.get()
    assert (mirror.listed, mirror.url, mirror.result) == (False, "https://mirror.example", "down")
    assert client.get(reverse("admin:mirrors_mirror_add")).status_code == 403
