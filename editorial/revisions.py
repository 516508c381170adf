"""Versions of a post (django-simple-history) with its relations, compared and restored.

simple-history records a post's own fields on every save. Its ordered authors, key
points and tags are copied into each version's `relations` as the version is created,
and again by the admin once it has saved the inlines (`record_relations`).
"""

import difflib
import re
from dataclasses import dataclass

from django.db import transaction
from django.dispatch import receiver
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.signals import pre_create_historical_record

from authors.models import Author
from blog.models import Disclaimer, KeyPoint, Post, PostAuthor, Section
from blog.plaintext import html_lines
from editorial.times import local_time

RESTORED_FIELDS = ["title", "lead", "body", "language", "image", "image_alt"]
RESTORED_FIELDS += ["image_caption", "image_credit"]


def relations_of(post) -> dict:
    credits = post.credits.select_related("author").order_by("position", "pk")
    return {
        "authors": [{"id": credit.author_id, "name": credit.author.name} for credit in credits],
        "key_points": [point.text for point in post.key_points.order_by("position", "pk")],
        "tags": sorted(tag.name for tag in post.tags.all()),
    }


@receiver(pre_create_historical_record, sender=Post.history.model, dispatch_uid="post_relations")
def _copy_relations(sender, instance, history_instance, **kwargs):
    history_instance.relations = relations_of(instance)


def record_relations(post):
    """Copy the post's current relations into its latest version."""
    latest = post.history.order_by("-history_id").first()
    if latest is not None:
        latest.relations = relations_of(post)
        latest.save(update_fields=["relations"])


def versions_of(post):
    """The post's versions, newest first, with who saved each (and their author profile)."""
    return post.history.select_related("history_user__author_profile").order_by("-history_id")


def latest_version(post):
    return versions_of(post).first()


@transaction.atomic
def restore(post, version, user):
    """Make `post` read as `version` did (keeping its status and address): a new version."""
    for name in RESTORED_FIELDS:
        setattr(post, name, getattr(version, name))
    post.section_id = _existing(Section, version.section_id) or post.section_id
    post.disclaimer_id = _existing(Disclaimer, version.disclaimer_id)
    post._history_user = user
    post._change_reason = gettext("Restored the version of %(date)s") % {
        "date": local_time(version.history_date)
    }
    post.save()
    _restore_relations(post, version.relations)
    record_relations(post)


def _existing(model, pk):
    return pk if pk is not None and model.objects.filter(pk=pk).exists() else None


def _restore_relations(post, relations):
    author_ids = [author["id"] for author in relations.get("authors", [])]
    known = set(Author.objects.filter(pk__in=author_ids).values_list("pk", flat=True))
    post.credits.all().delete()
    PostAuthor.objects.bulk_create(
        PostAuthor(post=post, author_id=author_id, position=position)
        for position, author_id in enumerate(pk for pk in author_ids if pk in known)
    )
    post.key_points.all().delete()
    KeyPoint.objects.bulk_create(
        KeyPoint(post=post, text=text, position=position)
        for position, text in enumerate(relations.get("key_points", []))
    )
    post.tags.set(relations.get("tags", []), clear=True)


@dataclass(frozen=True)
class FieldDiff:
    label: str
    lines: list  # of (kind, text): kind is "same", "removed" or "added"

    @property
    def changed(self):
        return any(kind != "same" for kind, _text in self.lines)


def compared_texts(version) -> list:
    relations = version.relations or {}
    return [
        (_("Title"), [version.title]),
        (_("Lead"), version.lead.splitlines()),
        (_("Authors"), [author["name"] for author in relations.get("authors", [])]),
        (_("Key points"), relations.get("key_points", [])),
        (_("Tags"), relations.get("tags", [])),
        (_("Body"), html_lines(version.body)),
    ]


def compare(old, new) -> list[FieldDiff]:
    """A line-by-line comparison of two versions, field by field."""
    return [
        FieldDiff(label, _diff_lines(old_lines, new_lines))
        for (label, old_lines), (_label, new_lines) in zip(
            compared_texts(old), compared_texts(new), strict=True
        )
    ]


def _diff_lines(old, new):
    lines = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag == "equal":
            lines += [("same", line) for line in old[i1:i2]]
            continue
        lines += [("removed", line) for line in old[i1:i2]]
        lines += [("added", line) for line in new[j1:j2]]
    return lines


WORD = re.compile(r"\w+")
SUMMARISED_FIELDS = ["section", "image", "image_alt", "language", "seo_title", "seo_description"]


@dataclass(frozen=True)
class ChangeSummary:
    """What a version changed from the one before it."""

    fields: list  # the labels of the fields that differ
    words_added: int
    words_removed: int


def summarise(old, new) -> ChangeSummary:
    changed = [diff.label for diff in compare(old, new) if diff.changed]
    fields = [Post._meta.get_field(name) for name in SUMMARISED_FIELDS]
    changed += [
        field.verbose_name
        for field in fields
        if getattr(old, field.attname) != getattr(new, field.attname)
    ]
    old_words, new_words = (
        WORD.findall(" ".join(line for _label, lines in compared_texts(version) for line in lines))
        for version in (old, new)
    )
    added = removed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old_words, new_words, autojunk=False
    ).get_opcodes():
        if tag != "equal":
            removed += i2 - i1
            added += j2 - j1
    return ChangeSummary(changed, added, removed)


def with_summaries(versions) -> list:
    """`versions` (newest first), each with `.summary` of its changes from the next older
    one (None for the first version)."""
    versions = list(versions)
    for version, older in zip(versions, [*versions[1:], None], strict=True):
        version.summary = summarise(older, version) if older is not None else None
    return versions
