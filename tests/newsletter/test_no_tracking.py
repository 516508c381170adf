"""Mails carry no tracking: no image fetched from anywhere, and every link but the reader's own
confirm, manage and unsubscribe links is the same for every reader, with no query string."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from newsletter.models import Subscriber
from tests.factories import DisclaimerFactory, PostFactory

from .helpers import mails_to, subscribe, subscribe_and_confirm

pytestmark = pytest.mark.django_db

READERS = ["anna@example.org", "boris@example.org"]
PERSONAL = ("/newsletter/confirm/", "/newsletter/manage/", "/newsletter/unsubscribe/")


class Links(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.images, self.links = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes.get("src", ""))
        if tag == "a":
            self.links.append(attributes.get("href", ""))


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def shared_links(message) -> list[str]:
    """The links of the HTML and the text part, but the reader's own."""
    urls = Links(html_of(message)).links + re.findall(r"https?://[^\s<>\"]+", message.body)
    return [url for url in urls if not urlsplit(url).path.startswith(PERSONAL)]


def per_reader_marks(address) -> list[str]:
    subscriber = Subscriber.objects.with_address(address).get()
    return [address, address.split("@")[0], str(subscriber.key), subscriber.email_digest]


def test_the_confirmation_mail_has_no_image_and_only_its_own_link(client):
    subscribe(client, READERS[0])
    [message] = mails_to(READERS[0])

    parsed = Links(html_of(message))
    assert parsed.images == []
    assert [urlsplit(url).path.startswith("/newsletter/confirm/") for url in parsed.links] == [True]


def test_post_mails_have_no_image_and_the_same_links_for_every_reader(client, publish):
    for address in READERS:
        subscribe_and_confirm(client, address)
    disclaimer = DisclaimerFactory(
        text='<p>Views are the author’s. <a href="https://x.example/">More</a></p>'
    )
    publish(PostFactory, title="A column", disclaimer=disclaimer)

    mails = {address: mails_to(address)[-1] for address in READERS}
    assert all(message.subject == "A column" for message in mails.values())
    assert all(Links(html_of(message)).images == [] for message in mails.values())
    first, second = (shared_links(mails[address]) for address in READERS)
    assert first == second
    assert "https://x.example/" in first
    assert any("/posts/" in url for url in first)
    assert all(urlsplit(url).query == "" and urlsplit(url).fragment == "" for url in first)
    for address in READERS:
        for mark in per_reader_marks(address):
            assert all(mark not in url for url in first)
