"""The content version: one token that changes whenever anything a reader sees changes.

Pages (see `blog.page_cache`) and fragments (`remember`) are cached under the current
token, so a new token invalidates all of them at once. The token lives in the "shared"
cache — Redis when configured, else a file cache every server process on the machine
reads — together with the moment the next scheduled post comes due. Once that moment
passes, the token is stale and every process derives the same successor, so a scheduled
post appears on every page by itself, with no command run.

Any save, delete or many-to-many change of a model in the reader-facing apps (posts,
key points, bylines, tags, sections, disclaimers, corrections, authors…) replaces the
token: at once, and again when the transaction commits, so that pages rendered from
the old data in the meantime are dropped too.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import caches
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Post

VERSION_KEY = "content-version"
READER_CONTENT_APPS = frozenset({"blog", "authors"})
M2M_CHANGES = frozenset({"post_add", "post_remove", "post_clear"})


@dataclass(frozen=True)
class ContentVersion:
    token: str
    changed_at: datetime
    next_due: datetime | None

    def is_stale(self, now: datetime) -> bool:
        return self.next_due is not None and now >= self.next_due

    def successor(self) -> "ContentVersion":
        """The version after the next scheduled post came due: the same in every process."""
        seed = f"{self.token} {self.next_due.isoformat()}".encode()
        token = hashlib.blake2b(seed, digest_size=8).hexdigest()
        return _version(token, changed_at=self.next_due)


def current_version() -> ContentVersion:
    shared = caches["shared"]
    version = shared.get(VERSION_KEY)
    if version is None:
        version = _version(secrets.token_hex(8), changed_at=timezone.now())
        if not shared.add(VERSION_KEY, version, timeout=None):
            version = shared.get(VERSION_KEY) or version
    elif version.is_stale(timezone.now()):
        version = version.successor()
        shared.set(VERSION_KEY, version, timeout=None)
    return version


def forget_version():
    caches["shared"].delete(VERSION_KEY)


def remember(name: str, compute):
    """`compute()`, cached in this process until the content changes: for what pages
    derive from the content at some cost (the header's sections, a post's related posts)."""
    key = f"fragment:{current_version().token}:{name}"
    value = caches["pages"].get(key)
    if value is None:
        value = compute()
        caches["pages"].set(key, value)
    return value


def _version(token: str, changed_at: datetime) -> ContentVersion:
    next_due = Post.objects.scheduled().aggregate(next_due=Min("publish_at"))["next_due"]
    return ContentVersion(token=token, changed_at=changed_at, next_due=next_due)


def _content_changed(using):
    forget_version()
    transaction.on_commit(forget_version, using=using)


def _is_reader_content(model) -> bool:
    return model._meta.app_label in READER_CONTENT_APPS


@receiver(post_save, dispatch_uid="content_version_on_save")
@receiver(post_delete, dispatch_uid="content_version_on_delete")
def content_saved_or_deleted(sender, using, **kwargs):
    if _is_reader_content(sender):
        _content_changed(using)


@receiver(m2m_changed, dispatch_uid="content_version_on_m2m")
def relation_changed(sender, action, using, **kwargs):
    if action in M2M_CHANGES and _is_reader_content(sender):
        _content_changed(using)
