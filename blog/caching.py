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

A post's rendered article (`article_key`) outlives the content version: it is keyed by
a token of its own, replaced when that post or anything inside it (key points, byline,
tags, corrections, redirects) changes, and by the catalogue token, replaced when
something many articles show changes (an author, a section, a tag, a disclaimer). So a
new post elsewhere invalidates every page, but re-rendering them reuses their articles.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from asgiref.local import Local
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import get_language
from simple_history.models import HistoricalChanges

from .models import Post, PostRedirect, Section, TaggedPost

VERSION_KEY = "content-version"
CATALOGUE_KEY = "catalogue-version"
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
    return _once_per_request(VERSION_KEY, _read_current_version)


def _read_current_version() -> ContentVersion:
    shared = caches["shared"]
    version = _asked_already(VERSION_KEY)
    if version is None:
        version = _version(secrets.token_hex(8), changed_at=timezone.now())
        if not shared.add(VERSION_KEY, version, timeout=None):
            version = shared.get(VERSION_KEY) or version
    elif version.is_stale(timezone.now()):
        version = version.successor()
        shared.set(VERSION_KEY, version, timeout=None)
    return version


def forget_version():
    """Make every cached page, fragment and article stale."""
    caches["shared"].delete_many([VERSION_KEY, CATALOGUE_KEY])


def article_key(slug: str) -> str:
    """Where the post at `slug`'s article, rendered in the current language, is cached."""
    _ask_together([VERSION_KEY, CATALOGUE_KEY, _post_token_key(slug)])
    tokens = [_token(CATALOGUE_KEY), _token(_post_token_key(slug))]
    return f"article:{':'.join(tokens)}:{get_language()}"


def _post_token_key(slug: str) -> str:
    return f"post-version:{hashlib.blake2b(slug.encode(), digest_size=16).hexdigest()}"


def _token(key: str) -> str:
    return _once_per_request(key, lambda: _read_token(key))


def _read_token(key: str) -> str:
    shared = caches["shared"]
    token = _asked_already(key)
    if token is None:
        token = secrets.token_hex(8)
        if not shared.add(key, token, timeout=None):
            token = shared.get(key) or token
    return token


def remember(name: str, compute):
    """`compute()`, cached in this process until the content changes: for what pages
    derive from the content at some cost (a post's related posts)."""
    return _cached(f"fragment:{current_version().token}:{name}", compute)


def remember_until_catalogue_changes(name: str, compute):
    """`compute()`, cached in this process until an author, section, tag or disclaimer
    changes: for what derives from them alone (the site's frame)."""
    return _cached(f"catalogue:{_token(CATALOGUE_KEY)}:{name}", compute)


def remember_article(slug: str, compute):
    """`compute()`, cached in this process until the post at `slug` or what it shows changes;
    None (no such post to read) is not cached."""
    return _cached(article_key(slug), compute)


def share_until_catalogue_changes(name: str, compute):
    """`compute()`, kept for every process until an author, section, tag or disclaimer
    changes: for the little every page needs from them (the header's sections)."""
    return _cached(f"catalogue:{_token(CATALOGUE_KEY)}:{name}", compute, cache="shared")


def _cached(key: str, compute, cache="pages"):
    value = caches[cache].get(key)
    if value is None:
        value = compute()
        if value is not None:
            caches[cache].set(key, value)
    return value


def _version(token: str, changed_at: datetime) -> ContentVersion:
    next_due = Post.objects.scheduled().aggregate(next_due=Min("publish_at"))["next_due"]
    return ContentVersion(token=token, changed_at=changed_at, next_due=next_due)


_read_this_request = Local()


@receiver(request_started, dispatch_uid="content_version_request_started")
def _request_started(**kwargs):
    _read_this_request.values, _read_this_request.answers = {}, {}


@receiver(request_finished, dispatch_uid="content_version_request_finished")
def _request_finished(**kwargs):
    _read_this_request.values = _read_this_request.answers = None


def _ask_together(keys: list[str]):
    """Ask the shared cache in one go (with Redis, one round trip) for the keys this
    request is about to read; `_asked_already` then hands out each answer once."""
    values = getattr(_read_this_request, "values", None)
    if values is None:
        return
    unread = [key for key in keys if key not in values]
    found = caches["shared"].get_many(unread)
    _read_this_request.answers.update({key: found.get(key) for key in unread})


def _asked_already(key: str):
    answers = getattr(_read_this_request, "answers", None) or {}
    if key in answers:
        return answers.pop(key)
    return caches["shared"].get(key)


def _once_per_request(key: str, read):
    """`read()`, once per request: a page is rendered from one version of the content,
    and the shared cache (Redis: a network round trip) is asked once for each token."""
    values = getattr(_read_this_request, "values", None)
    if values is None:
        return read()
    if key not in values:
        values[key] = read()
    return values[key]


def _forget_what_this_request_read():
    if getattr(_read_this_request, "values", None) is not None:
        _read_this_request.values, _read_this_request.answers = {}, {}


def _content_changed(instance, using, created=False):
    stale = [VERSION_KEY, *_article_tokens_of(instance, created)]

    def renew():
        """Readers find the new version ready: none of them pays for working it out."""
        caches["shared"].delete_many(stale)
        new_version = _version(secrets.token_hex(8), changed_at=timezone.now())
        caches["shared"].set(VERSION_KEY, new_version, timeout=None)

    caches["shared"].delete_many(stale)
    _forget_what_this_request_read()
    transaction.on_commit(renew, using=using)


def _article_tokens_of(instance, created: bool) -> list[str]:
    """The tokens of the articles `instance` shows in: its post's, or the catalogue's.
    A new author or tag is in no article until a post names it (which renews that post's
    token); a new section is in the header of every page at once."""
    if isinstance(instance, HistoricalChanges):
        return []
    slugs = _post_slugs(instance)
    if slugs is not None:
        return [_post_token_key(slug) for slug in slugs]
    if created and not isinstance(instance, Section):
        return []
    return [CATALOGUE_KEY]


def _post_slugs(instance) -> set[str] | None:
    """The addresses of the post `instance` is part of, or None if it is part of none."""
    if isinstance(instance, Post):
        return {instance.slug, getattr(instance, "_saved_slug", None) or instance.slug}
    if isinstance(instance, PostRedirect):
        return {instance.old_slug}
    post_id = instance.content_object_id if isinstance(instance, TaggedPost) else None
    post_id = post_id or getattr(instance, "post_id", None)
    if post_id is None:
        return None
    return set(Post.objects.filter(pk=post_id).values_list("slug", flat=True))


def _is_reader_content(model) -> bool:
    return model._meta.app_label in READER_CONTENT_APPS


@receiver(post_save, dispatch_uid="content_version_on_save")
@receiver(post_delete, dispatch_uid="content_version_on_delete")
def content_saved_or_deleted(sender, instance, using, created=False, **kwargs):
    if _is_reader_content(sender):
        _content_changed(instance, using, created)


@receiver(m2m_changed, dispatch_uid="content_version_on_m2m")
def relation_changed(sender, instance, action, using, **kwargs):
    if action in M2M_CHANGES and _is_reader_content(sender):
        _content_changed(instance, using)
