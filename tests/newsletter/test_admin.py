import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from pytest_django.asserts import assertContains

from newsletter.export import MASKED_ADDRESS
from newsletter.models import Delivery, Follow, Subscriber
from newsletter.targets import Target
from tests.factories import AuthorFactory, PostFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def followers(confirmed_subscriber):
    author = AuthorFactory(name="Valer Karbalevich")
    section = SectionFactory(name="Opinion")
    confirmed_subscriber("one@example.org", Target(author=author))
    confirmed_subscriber("two@example.org", Target(author=author), Target(section=section))
    confirmed_subscriber("=cmd@example.org")
    return author, section


def test_the_subscriber_list_shows_status_follows_and_counts(admin_client, followers):
    response = admin_client.get(reverse("admin:newsletter_subscriber_changelist"))

    assertContains(response, "two@example.org")
    assertContains(response, "Columns by Valer Karbalevich; Columns in “Opinion”")
    assertContains(response, '<th scope="row">Valer Karbalevich</th><td>2</td>', html=False)
    assertContains(response, '<th scope="row">Opinion</th><td>1</td>', html=False)
    assertContains(response, "1 follows all columns.")


def test_subscribers_export_as_csv_safe_for_spreadsheets(admin_client, followers):
    response = admin_client.post(
        reverse("admin:newsletter_subscriber_changelist"),
        {
            "action": "export_csv",
            "_selected_action": list(Subscriber.objects.values_list("pk", flat=True)),
        },
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Email address", "Status", "Subscribed", "Confirmed", "Follows"]
    by_address = {row[0]: row for row in rows[1:]}
    assert by_address["two@example.org"][4] == "Columns by Valer Karbalevich; Columns in “Opinion”"
    assert "'=cmd@example.org" in by_address


def test_deleting_a_subscriber_removes_their_data(admin_client, confirmed_subscriber):
    subscriber = confirmed_subscriber("reader@example.org", Target(author=AuthorFactory()))
    Delivery.objects.create(post=PostFactory(), subscriber=subscriber)

    admin_client.post(
        reverse("admin:newsletter_subscriber_delete", args=[subscriber.pk]), {"post": "yes"}
    )

    assert not Subscriber.objects.exists()
    assert not Follow.objects.exists()
    assert not Delivery.objects.exists()


def test_deliveries_show_per_post_status_reason_and_attempts(admin_client, confirmed_subscriber):
    post, other = PostFactory(title="The column"), PostFactory()
    reader, bounce = confirmed_subscriber("a@example.org"), confirmed_subscriber("b@example.org")
    Delivery.objects.create(post=post, subscriber=reader, status="sent", attempts=1)
    Delivery.objects.create(
        post=post, subscriber=bounce, status="failed", attempts=3, reason="SMTPDataError: 554"
    )
    Delivery.objects.create(post=other, subscriber=reader)

    response = admin_client.get(
        reverse("admin:newsletter_delivery_changelist"), {"post__id__exact": post.pk}
    )

    assertContains(response, "SMTPDataError: 554")
    assertContains(response, "<li>Sent: 1</li>", html=True)
    assertContains(response, "<li>Failed: 1</li>", html=True)
    assert "Queued:" not in response.text


@pytest.fixture
def newsletter_staff(client):
    """A staff login that may see subscribers (not their addresses, unless given that too)."""

    def login(*codenames):
        user = UserFactory()
        user.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label="newsletter",
                codename__in=["view_subscriber", *codenames],
            )
        )
        client.force_login(user)
        return client

    return login


def export_rows(client):
    response = client.post(
        reverse("admin:newsletter_subscriber_changelist"),
        {
            "action": "export_csv",
            "_selected_action": list(Subscriber.objects.values_list("pk", flat=True)),
        },
    )
    return list(csv.reader(io.StringIO(response.content.decode())))[1:]


def test_without_the_address_permission_staff_see_masked_addresses(newsletter_staff, followers):
    client = newsletter_staff()
    subscriber = Subscriber.objects.with_address("two@example.org").get()
    changelist = reverse("admin:newsletter_subscriber_changelist")

    listed = client.get(changelist)
    change = client.get(reverse("admin:newsletter_subscriber_change", args=[subscriber.pk]))
    searched = client.get(changelist, {"q": "two@example.org"})

    for response in (listed, change):
        assertContains(response, MASKED_ADDRESS)
        assert "@example.org" not in response.text
    assertContains(listed, "Columns by Valer Karbalevich; Columns in “Opinion”")
    assertContains(searched, "0 subscribers")
    assert {row[0] for row in export_rows(client)} == {MASKED_ADDRESS}


def test_the_address_permission_opens_addresses_and_finds_one_by_search(
    newsletter_staff, followers
):
    client = newsletter_staff("view_subscriber_address")
    changelist = reverse("admin:newsletter_subscriber_changelist")

    searched = client.get(changelist, {"q": "TWO@example.org"})

    assertContains(searched, "two@example.org")
    assert "one@example.org" not in searched.text
    assert {row[0] for row in export_rows(client)} == {
        "one@example.org",
        "two@example.org",
        "'=cmd@example.org",
    }


def test_no_role_is_given_the_address_permission():
    holders = Group.objects.filter(permissions__codename="view_subscriber_address")

    assert not holders.exists()
