"""What sets the Telegram messages going: a publication posts the post to its channels;
any later change of the post (an edit, its key points, unpublishing) makes the messages it
already has follow it, once per transaction, after the commit; deleting it deletes them."""

import threading
import weakref
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from blog.models import KeyPoint, Post
from editorial.publication import post_published

from . import bot_api
from .models import TelegramMessage
from .tasks import delete_message, follow


@receiver(post_published, dispatch_uid="telegram_post_on_publication")
def post_on_publication(sender, post, **kwargs):
    if bot_api.connected():
        TelegramMessage.objects.prepare(post)
        FollowAfterCommit.register(post.pk, using=None)


def follow_post_now(post_id: int):
    if bot_api.connected():
        for message_pk in TelegramMessage.objects.filter(post_id=post_id).queue():
            follow.enqueue(message_pk)


class FollowAfterCommit:
    """The post's messages follow it once the transaction commits: one callback per post
    and thread, however many of the post's parts the transaction changes and whether or
    not it publishes the post (a rolled-back callback is dropped, and forgotten with it)."""

    waiting = weakref.WeakSet()

    def __init__(self, post_id: int):
        self.post_id, self.thread = post_id, threading.get_ident()

    def __call__(self):
        self.waiting.discard(self)
        follow_post_now(self.post_id)

    @classmethod
    def register(cls, post_id: int, using: str):
        thread = threading.get_ident()
        if not any(c.post_id == post_id and c.thread == thread for c in list(cls.waiting)):
            callback = cls(post_id)
            cls.waiting.add(callback)
            transaction.on_commit(callback, using=using)


@receiver(post_save, sender=Post, dispatch_uid="telegram_post_saved")
def post_saved(sender, instance, using, raw=False, **kwargs):
    if not raw:
        FollowAfterCommit.register(instance.pk, using)


@receiver(post_save, sender=KeyPoint, dispatch_uid="telegram_key_point_saved")
@receiver(post_delete, sender=KeyPoint, dispatch_uid="telegram_key_point_deleted")
def key_point_changed(sender, instance, using, raw=False, **kwargs):
    if not raw:
        FollowAfterCommit.register(instance.post_id, using)


@receiver(pre_delete, sender=Post, dispatch_uid="telegram_post_deleted")
def post_deleted(sender, instance, using, **kwargs):
    sent = instance.telegram_messages.exclude(message_id=None)
    for chat_id, message_id in sent.values_list("chat_id", "message_id"):
        transaction.on_commit(partial(delete_message.enqueue, chat_id, message_id), using=using)
