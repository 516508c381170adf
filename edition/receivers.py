"""What makes the edition stale: a change to a model readers see (the page cache's own
list, pagecache.receivers.READER_MODELS), and a scheduled post coming due (editorial
announces it with `post_published`). Each transaction that makes such changes queues one
refresh when it commits."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from editorial.publication import post_published
from pagecache.receivers import M2M_CHANGES, READER_MODELS

from .tasks import schedule_refresh


def connect():
    for label in READER_MODELS:
        model = apps.get_model(label)
        post_save.connect(content_changed, sender=model, dispatch_uid=f"edition:save:{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"edition:del:{label}")
        m2m_changed.connect(relation_changed, sender=model, dispatch_uid=f"edition:m2m:{label}")
    post_published.connect(content_changed, dispatch_uid="edition:published")


def content_changed(sender, using="default", **kwargs):
    refresh_after_commit(using)


def relation_changed(sender, action, using, **kwargs):
    if action in M2M_CHANGES:
        refresh_after_commit(using)


def refresh_after_commit(using: str):
    connection = transaction.get_connection(using)
    if not any(callback is schedule_refresh for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(schedule_refresh, using=using)
