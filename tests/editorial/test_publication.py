from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from blog.models import Post
from editorial.publication import announce_due_posts, post_published
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def announcements():
    received = []

    def record(sender, post, **kwargs):
        received.append(post.pk)

    post_published.connect(record)
    yield received
    post_published.disconnect(record)


def test_saving_a_visible_post_announces_it_once(announcements, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post = PostFactory()
        post.save()
        announce_due_posts()

    assert announcements == [post.pk]


def test_a_draft_is_not_announced(announcements, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(status=Post.Status.DRAFT)
        announce_due_posts()

    assert announcements == []


def test_a_scheduled_post_is_announced_when_its_time_comes(
    announcements, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        post = PostFactory(publish_at=timezone.now() + timedelta(minutes=30))
        assert announce_due_posts() == []
    time_machine.shift(timedelta(minutes=31))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("announce_due_posts")
        call_command("announce_due_posts")

    assert announcements == [post.pk]


def test_publishing_again_after_unpublishing_is_announced_again(
    announcements, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = PostFactory()
        post.status = Post.Status.DRAFT
        post.save()
        post.status = Post.Status.PUBLISHED
        post.save()

    assert announcements == [post.pk, post.pk]
