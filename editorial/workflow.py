"""Who may do what to a post, and the moves of a post through draft → review → published.

Roles are groups (blog.roles) holding model permissions: "Authors" may add
and change posts, limited here to the posts that credit them while in draft or review;
"Editors" also hold `blog.edit_any_post` and `blog.publish_post`. Superusers hold all.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from blog.models import Post, PostTransition
from editorial.times import local_time

from .prepublish import publication_problems

EDIT_ANY = "blog.edit_any_post"
PUBLISH = "blog.publish_post"

Status = Post.Status
SCHEDULED = "scheduled"
EDITABLE_BY_AUTHORS = {Status.DRAFT, Status.REVIEW}


class TransitionRefused(Exception):
    def __init__(self, problems):
        super().__init__(" ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    editors_only: bool = True
    needs_comment: bool = False


UNPUBLISHED = (Status.DRAFT, Status.REVIEW, SCHEDULED)
TRANSITIONS = {
    transition.name: transition
    for transition in [
        Transition("submit", _("Submit for review"), (Status.DRAFT,), Status.REVIEW, False),
        Transition("publish", _("Publish now"), UNPUBLISHED, Status.PUBLISHED),
        Transition("schedule", _("Schedule for “publish at”"), UNPUBLISHED, Status.PUBLISHED),
        Transition("unpublish", _("Unpublish"), (Status.PUBLISHED, SCHEDULED), Status.DRAFT),
        Transition(
            "send_back", _("Send back to draft"), (Status.REVIEW,), Status.DRAFT, needs_comment=True
        ),
    ]
}


def is_editor(user) -> bool:
    return user.has_perm(EDIT_ANY)


def owns(user, post) -> bool:
    return post.pk is not None and Post.objects.owned_by(user).filter(pk=post.pk).exists()


def can_add(user) -> bool:
    """Editors, and writers whose login is linked to an author profile (to credit them)."""
    return is_editor(user) or author_profile(user) is not None


def author_profile(user):
    return getattr(user, "author_profile", None)


def can_view(user, post) -> bool:
    return is_editor(user) or owns(user, post)


def can_edit(user, post) -> bool:
    """Editors edit every post; a writer edits an unpublished post that credits them (a
    new post will: the admin insists on it)."""
    if is_editor(user):
        return True
    mine = owns(user, post) if post.pk else can_add(user)
    return mine and post.status in EDITABLE_BY_AUTHORS


def posts_in_stage(posts, name):
    stages = {
        Status.DRAFT: lambda: posts.filter(status=Status.DRAFT),
        Status.REVIEW: posts.in_review,
        SCHEDULED: posts.scheduled,
        Status.PUBLISHED: posts.published,
    }
    return stages[name]()


def stage(post) -> str:
    """The post's status, with a published post that is not visible yet called "scheduled"."""
    return SCHEDULED if post.is_scheduled else post.status


def allowed(user, post, transition: Transition) -> bool:
    if stage(post) not in transition.sources:
        return False
    if transition.editors_only:
        return user.has_perm(PUBLISH)
    return can_edit(user, post)


def allowed_transitions(user, post) -> list[Transition]:
    return [transition for transition in TRANSITIONS.values() if allowed(user, post, transition)]


@transaction.atomic
def apply_transition(post, transition: Transition, user, comment: str = "") -> PostTransition:
    """Move `post` along `transition`, or raise TransitionRefused saying why not."""
    if not allowed(user, post, transition):
        raise TransitionRefused([_("You may not do this to this post now.")])
    if transition.needs_comment and not comment.strip():
        raise TransitionRefused([_("Say in the comment what should change.")])
    if transition.target == Status.PUBLISHED:
        _prepare_publication(post, transition)
    previous = post.status
    post.status = transition.target
    post._history_user = user
    post._change_reason = str(transition.label)
    post.save()
    return PostTransition.objects.create(
        post=post,
        user=user,
        from_status=previous,
        to_status=post.status,
        scheduled_for=post.publish_at if post.is_scheduled else None,
        comment=comment,
    )


def may_reschedule(user, post) -> bool:
    return stage(post) == SCHEDULED and user.has_perm(PUBLISH) and can_edit(user, post)


@transaction.atomic
def reschedule(post, when, user) -> PostTransition:
    """Move a scheduled post to another time in the future, recorded like a schedule."""
    if not may_reschedule(user, post):
        raise TransitionRefused([_("You may not reschedule this post.")])
    if when <= timezone.now():
        raise TransitionRefused(
            [_("%(when)s has passed: choose a time in the future.") % {"when": local_time(when)}]
        )
    previous = post.publish_at
    post.publish_at = when
    post._history_user = user
    post._change_reason = gettext("Rescheduled")
    post.save()
    return PostTransition.objects.create(
        post=post,
        user=user,
        from_status=post.status,
        to_status=post.status,
        scheduled_for=when,
        comment=gettext("Moved from %(when)s.") % {"when": local_time(previous)},
    )


def _prepare_publication(post, transition):
    problems = publication_problems(post)
    now = timezone.now()
    if transition.name == "publish":
        post.publish_at = (
            now if post.publish_at is None or post.publish_at > now else post.publish_at
        )
    elif post.publish_at is None or post.publish_at <= now:
        problems.append(_("To schedule, set “publish at” to a time in the future."))
    if problems:
        raise TransitionRefused(problems)


STAGES = [
    (Status.DRAFT, Status.DRAFT.label),
    (Status.REVIEW, Status.REVIEW.label),
    (SCHEDULED, _("Scheduled")),
    (Status.PUBLISHED, _("Published (visible)")),
]


def stage_label(post) -> str:
    if post.is_scheduled:
        return gettext("Scheduled for %(when)s") % {"when": local_time(post.publish_at)}
    return post.get_status_display()
