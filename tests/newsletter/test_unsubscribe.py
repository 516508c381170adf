import re

import pytest
from django.core import mail
from django.test import Client
from pytest_django.asserts import assertContains

from newsletter.models import Delivery, Subscriber
from newsletter.targets import Target
from newsletter.tokens import MANAGE, UNSUBSCRIBE, make_token
from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(confirmed_subscriber):
    return confirmed_subscriber("reader@example.org")


def unsubscribe_url(subscriber):
    return f"/newsletter/unsubscribe/{make_token(subscriber, UNSUBSCRIBE)}/"


def manage_url(subscriber):
    return f"/newsletter/manage/{make_token(subscriber, MANAGE)}/"


def test_the_link_holds_no_address(reader):
    assert "reader" not in unsubscribe_url(reader)
    assert "example" not in unsubscribe_url(reader)


def test_opening_the_link_never_unsubscribes(client, reader):
    response = client.get(unsubscribe_url(reader))

    assertContains(response, '<form method="post">')
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.CONFIRMED


def test_one_click_post_unsubscribes_without_cookie_or_csrf_token(reader):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(
        unsubscribe_url(reader),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not response.has_header("Location")
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED
    assert not reader.follows.exists()


def test_unsubscribing_drops_what_was_still_waiting_to_be_sent(client, reader):
    post = PostFactory()
    Delivery.objects.create(post=post, subscriber=reader)

    client.post(unsubscribe_url(reader))

    assert not Delivery.objects.exists()


def test_a_damaged_unsubscribe_link_is_refused(client, reader):
    response = client.post(unsubscribe_url(reader)[:-5] + "xxxx/")

    assert response.status_code == 400
    reader.refresh_from_db()
    assert reader.is_confirmed


def test_the_manage_page_changes_what_is_followed(client, reader):
    author, section = AuthorFactory(), SectionFactory()
    url = manage_url(reader)

    page = client.get(url)
    response = client.post(url, {"follows": [f"author:{author.pk}", f"section:{section.pk}"]})

    assertContains(page, 'value="blog"')
    assert response.status_code == 302
    assert {follow.target for follow in reader.follows.all()} == {
        Target(author=author),
        Target(section=section),
    }
    assertContains(client.get(url), "Your choices are saved.")


def test_choosing_nothing_on_the_manage_page_leaves_entirely(client, reader):
    client.post(manage_url(reader), {})

    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED


def test_the_manage_page_offers_leaving_entirely(client, reader):
    page = client.get(manage_url(reader)).content.decode()
    leave = re.search(r'action="(/newsletter/unsubscribe/[^"]+)"', page)

    client.post(leave.group(1))

    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribed_readers_get_no_more_mail(client, reader, publish):
    client.post(unsubscribe_url(reader))

    publish(PostFactory)

    assert mail.outbox == []


def test_pages_behind_personal_links_are_never_cached(client, reader):
    for url in (unsubscribe_url(reader), manage_url(reader)):
        assert "no-store" in client.get(url)["Cache-Control"]
