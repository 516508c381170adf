"""Announcing publication: the one place that says "readers can now see this post".

`post_published` is sent exactly once per publication, after the transaction commits:
when a post is saved already visible, or — for a scheduled post — when
`announce_due_posts()` (run periodically by the worker, or the `announce_due_posts`
command) finds that its time has come. An `Announcement` row marks the post as announced;
its unique constraint makes the claim safe across processes. Unpublishing removes the
mark, so publishing again is announced again; receivers that must not repeat themselves
(mail) keep their own records. Removing the mark sends `post_unpublished` at once, inside
the unpublishing transaction (mail not sent yet is stopped with it).
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

from blog.models import Announcement, Post
from security import audit

logger = logging.getLogger(__name__)

post_published = Signal()  # sent with post=<Post>
post_unpublished = Signal()  # sent with post=<Post>


def announce_due_posts() -> list[Post]:
    """Announce every visible post that has not been announced yet; return them."""
    due = Post.objects.published().filter(announcement=None)
    return [post for post in due if _claim(post)]


def _claim(post: Post) -> bool:
    """Mark the post announced unless another process already did; announce it if we won."""
    try:
        with transaction.atomic():
            Announcement.objects.create(post=post)
    except IntegrityError:
        return False
    logger.info("post published: id=%s slug=%s", post.pk, post.slug)
    transaction.on_commit(lambda: post_published.send(sender=Post, post=post))
    return True


@receiver(post_save, sender=Post, dispatch_uid="announce_on_save")
def announce_on_save(sender, instance: Post, raw=False, **kwargs):
    if raw:  # restoring a backup or fixture: its announcements are restored with it
        return
    if not Post.objects.published().filter(pk=instance.pk).exists():
        withdrawn, _by_model = Announcement.objects.filter(post=instance).delete()
        if withdrawn:
            post_unpublished.send(sender=Post, post=instance)
    elif not Announcement.objects.filter(post=instance).exists():
        _claim(instance)


@receiver(post_published, dispatch_uid="audit_post_published")
def audit_publication(sender, post, **kwargs):
    audit.log_event("post_published", "post published", post_id=post.pk, slug=post.slug)
