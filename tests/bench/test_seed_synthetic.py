"""`manage.py seed_synthetic N`: clearly synthetic posts for scale tests, never the demo."""

import pytest
from django.core.management import CommandError, call_command
from pytest_django.asserts import assertContains

from bench.synthetic import synthetic_posts
from blog.models import Announcement, Post
from editorial.demo import load_demo
from editorial.publication import announce_due_posts
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_it_creates_n_published_posts_spread_over_authors_sections_and_tags():
    call_command("seed_synthetic", "60")

    posts = synthetic_posts()
    assert posts.count() == 60
    assert set(posts.values_list("status", flat=True)) == {Post.Status.PUBLISHED}
    assert posts.values("section").distinct().count() > 1
    assert posts.values("credits__author").distinct().count() > 5
    assert posts.values("tags").distinct().count() > 20
    assert all(post.title.startswith("Synthetic column") for post in posts)


def test_running_it_again_adds_more():
    call_command("seed_synthetic", "5")
    call_command("seed_synthetic", "7")

    assert synthetic_posts().count() == 12


def test_synthetic_posts_are_readable_searchable_and_never_announced(client):
    client.get("/")
    call_command("seed_synthetic", "20")
    newest = synthetic_posts().order_by("-publish_at").first()

    assertContains(client.get("/"), newest.title)
    assertContains(client.get(newest.get_absolute_url()), newest.title)
    assert SearchDocument.objects.filter(post__in=synthetic_posts()).count() == 20
    assert Announcement.objects.filter(post__in=synthetic_posts()).count() == 20
    assert announce_due_posts() == []


def test_the_demo_has_no_synthetic_posts():
    load_demo()

    assert not synthetic_posts().exists()
    assert not Post.objects.filter(title__icontains="synthetic").exists()


@pytest.mark.parametrize("count", ["0", "-3"])
def test_a_count_below_one_is_refused(count):
    with pytest.raises(CommandError, match="positive"):
        call_command("seed_synthetic", count)
