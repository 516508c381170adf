"""Subscribe, confirm, publish, unsubscribe — through Django's SMTP backend to a real server."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.factories import AuthorFactory, PostFactory, SectionFactory

from .helpers import SITE, subscribe
from .smtp_server import Inbox, free_port, mail_by_smtp, start_smtp_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(settings):
    handler, port = Inbox(), free_port()
    mail_by_smtp(settings, port)
    controller = start_smtp_server(handler, port)
    yield handler
    controller.stop()


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def path_of(url: str) -> str:
    return urlsplit(url).path


def confirm_links(messages) -> dict[str, str]:
    links = {}
    for (recipient,), message in messages:
        url = next(word for word in text_of(message).split() if "/newsletter/confirm/" in word)
        links[recipient] = path_of(url)
    return links


def by_recipient(messages):
    return {recipient: message for (recipient,), message in messages}


def test_subscribe_confirm_publish_and_unsubscribe_over_smtp(client, inbox, publish):
    author = AuthorFactory(name="Valer Karbalevich")
    section = SectionFactory()
    subscribe(client, "author-fan@example.org", follow=f"author:{author.pk}")
    subscribe(client, "section-fan@example.org", follow=f"section:{section.pk}")
    subscribe(client, "both@example.org", follow=f"author:{author.pk}")
    subscribe(client, "both@example.org", follow=f"section:{section.pk}")

    confirmations = inbox.take()
    assert sorted(rcpt for (rcpt,), _ in confirmations) == [
        "author-fan@example.org",
        "both@example.org",
        "section-fan@example.org",
    ]
    for path in confirm_links(confirmations).values():
        assert Client().post(path).status_code == 200

    post = publish(PostFactory, authors=[author], section=section, key_points=["A point."])

    notifications = by_recipient(inbox.take())
    assert sorted(notifications) == [
        "author-fan@example.org",
        "both@example.org",
        "section-fan@example.org",
    ]
    mail = notifications["author-fan@example.org"]
    assert mail["Subject"] == post.title
    assert mail["From"].addresses[0].display_name == "Valer Karbalevich"
    assert mail.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in mail.iter_parts()] == ["text/plain", "text/html"]
    assert f"{SITE}{post.get_absolute_url()}" in text_of(mail)
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["List-Id"].endswith("<columns.columnist.example>")
    assert mail["Message-ID"].endswith("@columnist.example>")
    assert len(mail.get_all("Date")) == 1
    unsubscribe_url = mail["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe_url.startswith(f"{SITE}/newsletter/unsubscribe/")
    assert "author-fan" not in unsubscribe_url

    one_click = Client(enforce_csrf_checks=True).post(
        path_of(unsubscribe_url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200

    publish(PostFactory, authors=[author], section=section)

    assert sorted(by_recipient(inbox.take())) == ["both@example.org", "section-fan@example.org"]
