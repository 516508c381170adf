"""Keeping every post's SearchDocument in step with what search matches: its title, lead,
key points, body, tags and author names.

Receivers rebuild a post's document whenever the post or one of those parts is saved or
deleted, in the same transaction. Paths that bypass signals (`bulk_create`, `update`)
call `refresh_search_documents` themselves; `manage.py rebuild_search_index` rebuilds all.
"""

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from authors.models import Author
from blog.models import KeyPoint, Post, PostAuthor, Tag, TaggedPost
from blog.plaintext import html_text
from search.models import SearchDocument

from .text import fold

BATCH_SIZE = 500
LINE = "\n"


def document_fields(post: Post) -> dict[str, str]:
    """The document's text; summary lines start and end with LINE, one item per line."""
    summary_lines = [
        post.lead,
        *(point.text for point in post.key_points.all()),
        *(tag.name for tag in post.tags.all()),
        *(credit.author.name for credit in post.credits.all()),
    ]
    return {
        "title": fold(post.title),
        "summary": fold(LINE + LINE.join(summary_lines) + LINE),
        "body": fold(html_text(post.body)),
    }


def refresh_search_documents(post_ids) -> None:
    """Rebuild the documents of these posts (ids of deleted posts are skipped)."""
    post_ids = sorted(set(post_ids))
    for start in range(0, len(post_ids), BATCH_SIZE):
        batch = post_ids[start : start + BATCH_SIZE]
        posts = Post.objects.filter(pk__in=batch).prefetch_related(
            "key_points", "tags", "credits__author"
        )
        SearchDocument.objects.bulk_create(
            [SearchDocument(post=post, **document_fields(post)) for post in posts],
            update_conflicts=True,
            unique_fields=["post"],
            update_fields=["title", "summary", "body"],
        )
        SearchDocument.objects.filter(pk__in=batch).update_vectors()


def posts_missing_name(posts: QuerySet, name: str) -> QuerySet:
    """Ids of `posts` whose document lacks `name` as a summary line (after a rename)."""
    line = fold(LINE + name + LINE)
    return posts.exclude(search_document__summary__contains=line).values_list("pk", flat=True)


def _deleted_along_with(origin, model) -> bool:
    """Whether a deletion started from `model` (an instance or a queryset of it)."""
    if isinstance(origin, QuerySet):
        return origin.model is model
    return isinstance(origin, model)


@receiver(post_save, sender=Post, dispatch_uid="search_post_saved")
def post_saved(sender, instance, **kwargs):
    refresh_search_documents([instance.pk])


@receiver(post_save, sender=KeyPoint, dispatch_uid="search_key_point_saved")
@receiver(post_delete, sender=KeyPoint, dispatch_uid="search_key_point_deleted")
@receiver(post_save, sender=PostAuthor, dispatch_uid="search_credit_saved")
@receiver(post_delete, sender=PostAuthor, dispatch_uid="search_credit_deleted")
def part_changed(sender, instance, origin=None, **kwargs):
    if not _deleted_along_with(origin, Post):
        refresh_search_documents([instance.post_id])


@receiver(m2m_changed, sender=TaggedPost, dispatch_uid="search_tags_changed")
def tags_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        refresh_search_documents([instance.pk])


@receiver(post_delete, sender=TaggedPost, dispatch_uid="search_tag_deleted")
def tag_deleted(sender, instance, origin=None, **kwargs):
    if _deleted_along_with(origin, Tag):
        refresh_search_documents([instance.content_object_id])


@receiver(post_save, sender=Tag, dispatch_uid="search_tag_renamed")
def tag_saved(sender, instance, **kwargs):
    refresh_search_documents(posts_missing_name(Post.objects.filter(tags=instance), instance.name))


@receiver(post_save, sender=Author, dispatch_uid="search_author_renamed")
def author_saved(sender, instance, **kwargs):
    posts = Post.objects.filter(authors=instance)
    refresh_search_documents(posts_missing_name(posts, instance.name))
