"""The migration that brought encryption seals the addresses already stored, and erases
those of readers who had unsubscribed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from newsletter.models import Subscriber

BEFORE = [("newsletter", "0001_initial")]
AFTER = [("newsletter", "0004_remove_subscriber_email")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def latest_schema_after():
    """Leave the database as every later test expects it: with all migrations applied."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_existing_addresses_are_sealed_and_those_who_left_erased(latest_schema_after):
    old_apps = migrate(BEFORE)
    OldSubscriber = old_apps.get_model("newsletter", "Subscriber")
    OldSubscriber.objects.create(email="Stays.Reader@Example.org", status="confirmed")
    OldSubscriber.objects.create(email="left.reader@example.org", status="unsubscribed")

    migrate(AFTER)

    stays, left = Subscriber.objects.order_by("pk")
    assert stays.email == "stays.reader@example.org"
    assert Subscriber.objects.with_address("left.reader@example.org").get() == left
    assert left.email == ""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM newsletter_subscriber")
        stored = repr(cursor.fetchall()).lower()
    assert "reader" not in stored
