import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from newsletter.models import Follow, Subscriber
from tests.factories import AuthorFactory, PostFactory, SectionFactory

from .helpers import mails_to, subscribe

pytestmark = pytest.mark.django_db


def test_the_post_page_offers_its_author_its_section_and_the_whole_blog(client):
    post = PostFactory()
    author = post.byline[0]

    response = client.get(post.get_absolute_url())

    prefix = f"subscribe-author-{author.pk}"
    assertContains(response, 'action="/newsletter/"')
    assertContains(response, f'<label for="{prefix}-email">')
    assertContains(response, f'value="author:{author.pk}"')
    assertContains(response, f'value="section:{post.section.pk}"')
    assertContains(response, 'value="blog"')
    form = response.text.split('<form class="subscribe-form"')[1].split("</form>")[0]
    assert "csrfmiddlewaretoken" not in form  # no per-reader secret: the page stays cacheable


def test_author_and_section_pages_offer_their_own_choice(client):
    author, section = AuthorFactory(), SectionFactory()

    author_page = client.get(author.get_absolute_url())
    section_page = client.get(section.get_absolute_url())

    assertContains(author_page, f'value="author:{author.pk}"')
    assertNotContains(author_page, 'value="section:')
    assertContains(section_page, f'value="section:{section.pk}"')
    assertNotContains(section_page, 'value="author:')


def test_subscribing_records_an_unconfirmed_follow_and_mails_one_confirmation(client):
    author = AuthorFactory()

    response = subscribe(client, "Reader@Example.org", follow=f"author:{author.pk}")

    assert response.status_code == 302
    assert response["Location"] == "/newsletter/check-your-inbox/"
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status) == ("reader@example.org", "pending")
    assert Follow.objects.get().author == author
    assert Follow.objects.get().confirmed_at is None
    [confirmation] = mail.outbox
    assert confirmation.to == ["reader@example.org"]
    assert "/newsletter/confirm/" in confirmation.body


def test_the_answer_is_the_same_for_new_pending_and_confirmed_addresses(
    client, confirmed_subscriber
):
    confirmed_subscriber("known@example.org")
    subscribe(client, "pending@example.org")

    answers = [
        subscribe(Client(), address)
        for address in ("new@example.org", "pending@example.org", "known@example.org")
    ]

    assert {(a.status_code, a["Location"], a.content) for a in answers} == {
        (302, "/newsletter/check-your-inbox/", b"")
    }
    assert {tuple(sorted(a.cookies)) for a in answers} == {()}


def test_an_invalid_address_gets_a_message_tied_to_the_field(client):
    response = subscribe(client, "not-an-address", follow="blog")

    assert response.status_code == 400
    assertContains(response, "Enter an email address such as name@example.org.", status_code=400)
    assertContains(response, 'aria-describedby="subscribe-blog-email_error"', status_code=400)
    assertContains(response, 'id="subscribe-blog-email_error"', status_code=400)
    assertContains(response, 'value="not-an-address"', status_code=400)
    assert not Subscriber.objects.exists()


def test_a_rejected_form_offers_again_the_choice_that_was_made(client):
    section = SectionFactory()

    response = subscribe(client, "", follow=f"section:{section.pk}")

    assertContains(response, "Enter your email address.", status_code=400)
    assert re.search(rf'value="section:{section.pk}"[^>]* checked>', response.text)


@pytest.mark.parametrize(
    "address",
    ["victim@example.org\nBcc: everyone@example.org", "victim@example.org\r\nCc: x@example.org"],
)
def test_line_breaks_in_the_address_are_refused(client, address):
    response = subscribe(client, address)

    assertContains(response, "cannot contain line breaks", status_code=400)
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_a_filled_honeypot_looks_like_success_but_does_nothing(client):
    response = client.post(
        "/newsletter/",
        {"email": "bot@example.org", "follow": "blog", "website": "http://spam.example"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/newsletter/check-your-inbox/"
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_an_unknown_choice_is_refused(client):
    response = subscribe(client, "reader@example.org", follow="author:999999")

    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_a_post_from_another_site_is_refused_and_loses_nothing(client):
    response = subscribe(client, "reader@example.org", headers={"Origin": "https://evil.example"})

    assertContains(response, "form on our own pages", status_code=403)
    assertContains(response, 'value="reader@example.org"', status_code=403)
    assert not Subscriber.objects.exists()


def test_a_post_from_our_own_pages_is_accepted(client):
    same_origin = subscribe(client, "a@example.org", headers={"Sec-Fetch-Site": "same-origin"})
    cross_site = subscribe(client, "b@example.org", headers={"Sec-Fetch-Site": "cross-site"})
    own_origin = subscribe(client, "c@example.org", headers={"Origin": "http://testserver"})

    assert (same_origin.status_code, cross_site.status_code, own_origin.status_code) == (
        302,
        403,
        302,
    )


def test_a_pending_address_gets_at_most_one_confirmation_per_window(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    for _attempt in range(3):
        subscribe(client, "reader@example.org")
    assert len(mails_to("reader@example.org")) == 1

    time_machine.shift(timedelta(minutes=61))
    subscribe(client, "reader@example.org")

    assert len(mails_to("reader@example.org")) == 2


def test_a_confirmed_subscriber_adding_a_follow_must_confirm_it(client, confirmed_subscriber):
    subscriber = confirmed_subscriber("reader@example.org")
    section = SectionFactory()

    subscribe(client, "reader@example.org", follow=f"section:{section.pk}")

    assert subscriber.follows.get(section=section).confirmed_at is None
    [confirmation] = mails_to("reader@example.org")
    assert section.name in confirmation.body


def test_a_confirmed_subscriber_repeating_a_follow_gets_no_mail(client, confirmed_subscriber):
    confirmed_subscriber("reader@example.org")

    response = subscribe(client, "reader@example.org")

    assert response.status_code == 302
    assert mail.outbox == []


def test_the_standalone_page_works_without_javascript(client):
    response = client.get("/newsletter/")

    assertContains(response, '<form class="subscribe-form" method="post"')
    assertContains(response, 'type="email"')
    assertContains(response, 'type="radio"')
