"""Every reader-facing address answers 405 to a method it does not serve (PUT, PATCH, DELETE)."""

import pytest
from django.urls import reverse

from editorial.previews import create_link
from newsletter.models import Subscriber
from newsletter.tokens import CONFIRM, MANAGE, UNSUBSCRIBE, make_token
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def reader_addresses(post):
    subscriber = Subscriber.objects.create(email="reader@example.org")
    author, section, tag = post.byline[0], post.section, post.tags.first()
    return [
        "/",
        post.get_absolute_url(),
        "/search/?q=Belarus",
        reverse("blog:section", args=[section.slug]),
        reverse("blog:tag", args=[tag.slug]),
        "/archive/",
        "/corrections/",
        reverse("blog:shared_preview", args=[create_link(post, UserFactory()).token]),
        "/authors/",
        reverse("authors:detail", args=[author.slug]),
        "/feed/",
        "/feed/atom/",
        f"{reverse('blog:section', args=[section.slug])}feed/",
        f"{reverse('authors:detail', args=[author.slug])}feed/json/",
        "/newsletter/",
        "/newsletter/check-your-inbox/",
        reverse("newsletter:confirm", args=[make_token(subscriber, CONFIRM)]),
        reverse("newsletter:resend", args=[make_token(subscriber, CONFIRM)]),
        reverse("newsletter:unsubscribe", args=[make_token(subscriber, UNSUBSCRIBE)]),
        reverse("newsletter:manage", args=[make_token(subscriber, MANAGE)]),
        "/i18n/setlang/",
        "/sitemap.xml",
        reverse("sitemap_section", args=["posts"]),
        "/robots.txt",
    ]


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_reader_pages_refuse_methods_they_do_not_serve(client, demo_post, method):
    answers = {url: getattr(client, method)(url).status_code for url in reader_addresses(demo_post)}

    assert answers == dict.fromkeys(answers, 405)
