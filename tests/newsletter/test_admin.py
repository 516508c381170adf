import csv
import io

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from newsletter.models import Delivery, Follow, Subscriber
from newsletter.targets import Target
from tests.factories import AuthorFactory, PostFactory, SectionFactory

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
