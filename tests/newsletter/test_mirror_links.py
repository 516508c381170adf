"""Mails for readers who cannot reach the main host: while a mirror is healthy they link to
the post, the confirmation and the subscription pages on it, and those links work there."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from newsletter.mail import confirmation_message, post_message
from newsletter.models import Subscriber
from tests.factories import PostFactory

from .helpers import SITE, subscribe

pytestmark = pytest.mark.django_db

MIRROR_HOST = "mirror.example"


@pytest.fixture
def reader(confirmed_subscriber):
    return confirmed_subscriber("reader@example.org")


@pytest.fixture
def healthy_mirror(client, settings, mirror_server):
    """A mirror serving the current front page, checked and announced."""
    PostFactory(title="Published an hour ago")
    server = mirror_server(client.get("/").content.decode())
    settings.MIRROR_ORIGINS = [server.url]
    call_command("check_mirrors", stdout=StringIO())
    return server


def mirror_links(message) -> list[str]:
    return [line for line in message.body.splitlines() if "127.0.0.1" in line]


def test_a_post_mail_links_to_the_post_and_the_subscription_on_a_healthy_mirror(
    healthy_mirror, reader
):
    post = PostFactory(title="New column")

    message = post_message(post, reader)

    assert f"{healthy_mirror.url}{post.get_absolute_url()}" in message.body
    assert f"{healthy_mirror.url}/newsletter/unsubscribe/" in message.body
    assert f"{healthy_mirror.url}/newsletter/manage/" in message.body
    html = message.alternatives[0].content
    assert f'href="{healthy_mirror.url}{post.get_absolute_url()}"' in html
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{SITE}/newsletter/")


def test_the_confirmation_mail_offers_the_mirror_too(healthy_mirror, client):
    subscribe(client, "new@example.org")
    subscriber = Subscriber.objects.with_address("new@example.org").get()

    message = confirmation_message(subscriber)

    [line] = mirror_links(message)
    assert line.startswith(f"{healthy_mirror.url}/newsletter/confirm/")
    assert f"{healthy_mirror.url}/newsletter/confirm/" in mail.outbox[-1].body


def test_a_stopped_mirror_disappears_from_the_next_mail(healthy_mirror, reader):
    post = PostFactory(title="New column")
    assert mirror_links(post_message(post, reader))

    healthy_mirror.stop()
    call_command("check_mirrors", stdout=StringIO())

    assert mirror_links(post_message(post, reader)) == []
    assert "If the site is blocked" not in post_message(post, reader).body


def test_without_mirrors_a_mail_says_nothing_of_them(reader):
    message = post_message(PostFactory(), reader)

    assert "If the site is blocked" not in message.body
    assert "If the site is blocked" not in message.alternatives[0].content


def test_one_click_unsubscribe_works_on_a_mirror(settings, reader):
    settings.MIRROR_ORIGINS = [f"https://{MIRROR_HOST}"]
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, MIRROR_HOST]
    path = message_path(post_message(PostFactory(), reader), "unsubscribe")
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=MIRROR_HOST,
        secure=True,
    )

    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED


def test_the_manage_page_opens_on_a_mirror(client, settings, reader):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, MIRROR_HOST]
    settings.MIRROR_ORIGINS = [f"https://{MIRROR_HOST}"]
    path = message_path(post_message(PostFactory(), reader), "manage")

    response = client.get(path, HTTP_HOST=MIRROR_HOST, secure=True)

    assert response.status_code == 200
    assert '<form method="post"' in response.content.decode()


def message_path(message, kind) -> str:
    header = message.extra_headers["List-Unsubscribe"]
    if kind == "unsubscribe":
        return header.strip("<>").removeprefix(SITE)
    start = message.body.index(f"{SITE}/newsletter/{kind}/")
    return message.body[start:].split()[0].removeprefix(SITE)
