"""The two mails the newsletter sends: the confirmation, and a new post.

Each is text first, then HTML, with a Message-ID on the site's own domain; post mails
carry the List-* headers of RFC 2369, 2919 and 8058 (one-click unsubscribe). While a mirror
is announced (mirrors.models), each also gives its links on that mirror, for readers who
cannot reach the main host.
"""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from blog.links import absolute_url, file_url
from blog.plaintext import html_lines
from mirrors.models import Mirror

from .conf import mail_domain
from .tokens import CONFIRM, MANAGE, UNSUBSCRIBE, make_token


def confirmation_message(subscriber) -> EmailMultiAlternatives:
    mirror = Mirror.objects.for_mail()
    context = {
        "confirm_url": link(subscriber, CONFIRM, "newsletter:confirm"),
        "mirror_confirm_url": mirror
        and link(subscriber, CONFIRM, "newsletter:confirm", mirror.url),
        "follows": subscriber.follows.unconfirmed(),
        "site_name": settings.SITE_NAME,
    }
    return compose(
        "confirm",
        context,
        subject=_("Confirm your subscription to %(site)s") % {"site": settings.SITE_NAME},
        sender_name=settings.SITE_NAME,
        to=recipient(subscriber),
    )


def post_message(post, subscriber) -> EmailMultiAlternatives:
    unsubscribe_url = link(subscriber, UNSUBSCRIBE, "newsletter:unsubscribe")
    disclaimer = post.effective_disclaimer
    context = {
        "post": post,
        "post_url": absolute_url(post.get_absolute_url()),
        "image_url": file_url(post.image),
        "disclaimer": disclaimer,
        "disclaimer_text": "\n\n".join(html_lines(disclaimer.text)) if disclaimer else "",
        "unsubscribe_url": unsubscribe_url,
        "manage_url": link(subscriber, MANAGE, "newsletter:manage"),
        "mirror": mirror_links(post, subscriber),
        "site_name": settings.SITE_NAME,
    }
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{settings.SITE_NAME} <columns.{mail_domain()}>",
    }
    return compose(
        "post",
        context,
        subject=post.title,
        sender_name=", ".join(author.name for author in post.byline) or settings.SITE_NAME,
        to=recipient(subscriber),
        headers=headers,
    )


def recipient(subscriber) -> str:
    """The subscriber's address: the one place the sending path reads it."""
    return subscriber.email


def mirror_links(post, subscriber) -> dict | None:
    """The post, manage and unsubscribe links on the mirror mails offer, if one is announced."""
    mirror = Mirror.objects.for_mail()
    if mirror is None:
        return None
    return {
        "post_url": absolute_url(post.get_absolute_url(), mirror.url),
        "manage_url": link(subscriber, MANAGE, "newsletter:manage", mirror.url),
        "unsubscribe_url": link(subscriber, UNSUBSCRIBE, "newsletter:unsubscribe", mirror.url),
    }


def link(subscriber, purpose: str, view: str, base: str = "") -> str:
    return absolute_url(reverse(view, args=[make_token(subscriber, purpose)]), base)


def compose(template, context, *, subject, sender_name, to, headers=None):
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"newsletter/mail/{template}.txt", context),
        from_email=formataddr((sender_name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1])),
        to=[to],
        headers={"Message-ID": make_msgid(domain=mail_domain()), **(headers or {})},
    )
    html_body = render_to_string(f"newsletter/mail/{template}.html", context)
    message.attach_alternative(html_body, "text/html")
    return message
