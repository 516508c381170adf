"""Mail about a pen-name writer's column is from the pen name and carries no trace of the
writer's login or legal name, in any header or either body."""

import email
from email import policy
from email.utils import parseaddr

import pytest
from django.core import mail

from blog.models import Post
from newsletter.targets import Target
from tests.factories import PostFactory
from tests.pen_names import PEN_NAME, make_pen_name_writer, traces_in

from .helpers import link_in, mails_to, subscribe

pytestmark = pytest.mark.django_db

READER = "reader@example.org"


def everything_in(message) -> str:
    """Every header and every decoded part of `message` as the reader's mail program gets it."""
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=policy.default)
    headers = [f"{name}: {value}" for name, value in parsed.items()]
    parts = [part.get_content() for part in parsed.walk() if not part.is_multipart()]
    return "\n".join(headers + parts)


def test_the_confirmation_and_publication_mails_show_the_pen_name_only(client, publish):
    writer = make_pen_name_writer(status=Post.Status.DRAFT, publish_at=None)
    subscribe(client, READER, follow=Target(author=writer.author).value)
    client.post(link_in(mail.outbox[-1], "confirm"))

    publish(PostFactory, authors=[writer.author], title="A second letter")

    confirmation, post_mail = mails_to(READER)
    confirmation_text = everything_in(confirmation)
    assert PEN_NAME in confirmation_text
    assert traces_in(confirmation_text) == []
    post_text = everything_in(post_mail)
    assert parseaddr(post_mail.from_email)[0] == PEN_NAME
    assert post_text.count(PEN_NAME) >= 3  # From, and the byline of each body
    assert traces_in(post_text) == []
