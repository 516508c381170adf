"""A GET writes nothing to the database: feeds, pages and every subscription page can be read
while a writer holds the database, and never wait for its lock."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletter.models import Subscriber
from newsletter.targets import Target
from newsletter.tokens import CONFIRM, MANAGE, UNSUBSCRIBE, make_token
from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture
def reader_paths():
    author, section = AuthorFactory(), SectionFactory()
    post = PostFactory(authors=[author], section=section, tags=["Belarus"])
    pending = Subscriber.objects.for_address("pending@example.org")
    pending.follow(Target(author=author))
    return [
        "/",
        post.get_absolute_url(),
        "/feed/",
        "/feed/atom/",
        "/feed/json/",
        f"/authors/{author.slug}/feed/",
        f"/sections/{section.slug}/feed/",
        "/tags/belarus/feed/",
        "/newsletter/",
        "/newsletter/check-your-inbox/",
        f"/newsletter/confirm/{make_token(pending, CONFIRM)}/",
        f"/newsletter/unsubscribe/{make_token(pending, UNSUBSCRIBE)}/",
        f"/newsletter/manage/{make_token(pending, MANAGE)}/",
    ]


def test_no_get_writes_to_the_database(client, reader_paths):
    for path in reader_paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
        assert writes == [], path
