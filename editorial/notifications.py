"""Mail to the desk about a post's moves: editors hear of posts submitted for review, the
post's writers of it being sent back (with the comment), scheduled or published.

Each recorded `PostTransition` queues `tasks.notify_transition` once its transaction commits,
so a refused or rolled-back move mails nobody and no mail server is talked to while the move
holds its transaction. The actor never mails themselves; each login may turn either kind of
notice off (`NotificationPreference`). A writer is reached only at their login's address,
whatever their author profile says (a pen name's legal identity stays off every mail).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext as _

from authors.identity import shown_user
from blog.links import absolute_url
from blog.models import Post, PostTransition
from blog.roles import EDITORS

from .models import NotificationPreference
from .times import local_time

Status = Post.Status


@receiver(post_save, sender=PostTransition, dispatch_uid="editorial.notify_transition")
def queue_notice(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .tasks import notify_transition

        transaction.on_commit(lambda: notify_transition.enqueue(instance.pk))


def kind_of(move: PostTransition) -> str | None:
    if move.to_status == Status.REVIEW:
        return "submitted"
    if move.from_status == Status.REVIEW and move.to_status == Status.DRAFT:
        return "sent_back"
    if move.to_status == Status.PUBLISHED:
        return "scheduled" if move.scheduled_for else "published"
    return None


def recipients(move: PostTransition, kind: str):
    """The active logins with an address who are due this notice and still want it."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if kind == "submitted":
        users = users.filter(_editors()).exclude(notification_preference__review_requests=False)
    else:
        users = users.filter(author_profile__posts=move.post).exclude(
            notification_preference__own_posts=False
        )
    if move.user_id is not None:
        users = users.exclude(pk=move.user_id)
    return users.distinct().order_by("pk")


def _editors() -> Q:
    publish = Permission.objects.filter(content_type__app_label="blog", codename="publish_post")
    in_groups = Q(groups__name=EDITORS) | Q(groups__permissions__in=publish)
    return in_groups | Q(user_permissions__in=publish)


def message(move: PostTransition, kind: str, reader) -> tuple[str, str]:
    """The subject and text of `kind`'s notice about `move`, as `reader` may read it."""
    post = move.post
    values = {
        "title": post.title,
        "who": shown_user(move.user, reader) if move.user else _("someone"),
        "when": local_time(move.scheduled_for or move.at),
    }
    subject, opening = {
        "submitted": (_("For review: %(title)s"), _("%(who)s submitted “%(title)s” for review.")),
        "sent_back": (
            _("Sent back: %(title)s"),
            _("%(who)s sent “%(title)s” back to draft."),
        ),
        "scheduled": (
            _("Scheduled: %(title)s"),
            _("%(who)s scheduled “%(title)s” for %(when)s."),
        ),
        "published": (_("Published: %(title)s"), _("%(who)s published “%(title)s”.")),
    }[kind]
    lines = [opening % values]
    if move.comment:
        lines += ["", _("Comment:"), move.comment]
    lines += ["", absolute_url(reverse("admin:blog_post_change", args=[post.pk]))]
    lines += ["", _("To stop these mails: %(url)s") % {"url": preferences_url()}]
    return subject % values, "\n".join(lines)


def preferences_url() -> str:
    return absolute_url(reverse("admin:editorial_notificationpreference_mine"))


def preference_of(user) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    return preference
