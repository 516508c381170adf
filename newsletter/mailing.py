"""A post's mailing as the desk sees it: queued at publication, sent after a grace period.

Publishing queues one Delivery per recipient, not to be sent before NEWSLETTER_GRACE_PERIOD
has passed; the worker sends them when due (a task deferred to that moment, and the tick
for what it left). Until then an editor may cancel the mailing from the post's admin page,
and unpublishing cancels it too; the sending itself also checks that readers can still see
the post. Publishing again is a new mailing, with its own grace period, to everyone not
mailed yet.
"""

from django.utils import timezone
from django.utils.translation import ngettext

from blog.models import Post
from editorial.admin.panels import Panel
from editorial.times import local_time
from editorial.workflow import PUBLISH

from .conf import setting
from .models import Delivery, Subscriber


def sending_time(post):
    """When the mails of `post`, published now or at its scheduled time, go out."""
    now = timezone.now()
    return max(post.publish_at or now, now) + setting("NEWSLETTER_GRACE_PERIOD")


def queue_mailing(post):
    """Queue the mails of a publication; returns when they are due."""
    due = sending_time(post)
    Delivery.objects.queue(post, not_before=due)
    return due


def unmailed_recipients(post):
    """The subscribers that publishing the post would mail: each confirmed follower of the
    site, its section or one of its authors, once, unless already mailed it."""
    mailed = post.deliveries.filter(status=Delivery.Status.SENT, subscriber__isnull=False)
    return Subscriber.objects.following(post).exclude(pk__in=mailed.values("subscriber"))


def mailing_panel(request, post):
    """What the post's admin page says of its mailing, to those who may publish."""
    if not request.user.has_perm(PUBLISH):
        return None
    summary = post.deliveries.summary()
    lines = []
    if summary["waiting"] and summary["due"] > timezone.now():
        lines.append(
            ngettext(
                "Mailing to %(count)d subscriber at %(time)s.",
                "Mailing to %(count)d subscribers at %(time)s.",
                summary["waiting"],
            )
            % {"count": summary["waiting"], "time": local_time(summary["due"])}
        )
    elif summary["waiting"]:
        lines.append(
            ngettext(
                "Sending to %(count)d subscriber now.",
                "Sending to %(count)d subscribers now.",
                summary["waiting"],
            )
            % {"count": summary["waiting"]}
        )
    if summary["sent"]:
        lines.append(
            ngettext(
                "Mailed to %(count)d subscriber.",
                "Mailed to %(count)d subscribers.",
                summary["sent"],
            )
            % {"count": summary["sent"]}
        )
    if summary["cancelled"]:
        lines.append(
            ngettext(
                "Mailing cancelled: %(count)d mail not sent.",
                "Mailing cancelled: %(count)d mails not sent.",
                summary["cancelled"],
            )
            % {"count": summary["cancelled"]}
        )
    if not Post.objects.published().filter(pk=post.pk).exists():
        count = unmailed_recipients(post).count()
        lines.append(
            ngettext(
                "Publishing mails %(count)d subscriber at %(time)s.",
                "Publishing mails %(count)d subscribers at %(time)s.",
                count,
            )
            % {"count": count, "time": local_time(sending_time(post))}
        )
    context = {"lines": lines, "post": post, "can_cancel": bool(summary["waiting"])}
    return Panel("admin/newsletter/includes/post_mailing.html", context)
