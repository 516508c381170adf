from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from tests.factories import DisclaimerFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_published_contains_only_published_posts_whose_time_has_come():
    now = timezone.now()
    past = PostFactory(publish_at=now - timedelta(minutes=1))
    PostFactory(status=Post.Status.DRAFT, publish_at=now - timedelta(days=1))
    PostFactory(status=Post.Status.REVIEW, publish_at=now - timedelta(days=1))
    PostFactory(publish_at=now + timedelta(minutes=1))

    assert list(Post.objects.published()) == [past]


def test_a_scheduled_post_becomes_published_when_its_time_comes(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    scheduled = PostFactory(publish_at=timezone.now() + timedelta(hours=2))
    assert scheduled.is_scheduled
    assert not Post.objects.published().exists()

    time_machine.shift(timedelta(hours=2))

    assert list(Post.objects.published()) == [scheduled]


def test_publishing_without_a_time_publishes_now():
    post = PostFactory(status=Post.Status.DRAFT, publish_at=None)
    post.status = Post.Status.PUBLISHED
    post.save()

    assert post.publish_at <= timezone.now()
    assert Post.objects.published().get() == post


def test_word_count_and_reading_time_are_derived_from_lead_and_body():
    post = PostFactory(lead="one two", body="<p>" + "word " * 398 + "</p>")

    assert post.word_count == 400
    assert post.reading_minutes == 2


def test_a_post_shows_its_own_disclaimer_else_its_sections(demo_post):
    assert "editorial position" in demo_post.effective_disclaimer.text

    own = PostFactory(
        section=demo_post.section, disclaimer=DisclaimerFactory(text="<p>Sponsored.</p>")
    )

    assert own.effective_disclaimer.text == "<p>Sponsored.</p>"
