from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from blog.models import Correction, Post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_yesterday(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    post = PostFactory(title="A column with a mistake", publish_at=timezone.now())
    time_machine.shift(timedelta(days=1))
    return post


def test_adding_a_correction_updates_the_page_the_modified_date_and_the_log(
    client, published_yesterday
):
    post = published_yesterday
    page = client.get(post.get_absolute_url())
    assertNotContains(page, "Updated")
    assertNotContains(page, "Corrections</h2>")

    Correction.objects.create(post=post, text="An earlier version gave the wrong year.")

    post.refresh_from_db()
    assert post.updated_at == timezone.now()
    page = client.get(post.get_absolute_url())
    assertContains(page, "Updated")
    assertContains(page, f'<time datetime="{timezone.localtime().isoformat()}">')
    assertContains(page, "An earlier version gave the wrong year.")
    log = client.get("/corrections/")
    assertContains(log, "An earlier version gave the wrong year.")
    assertContains(log, f'href="{post.get_absolute_url()}#corrections-title"')


def test_editing_or_deleting_a_correction_marks_the_post_updated(published_yesterday, time_machine):
    correction = Correction.objects.create(post=published_yesterday, text="Wrong year.")

    for change in [lambda: correction.save(), lambda: correction.delete()]:
        time_machine.shift(timedelta(hours=2))
        change()
        assert Post.objects.get(pk=published_yesterday.pk).updated_at == timezone.now()


def test_bulk_deleting_corrections_marks_their_posts_updated(published_yesterday, time_machine):
    Correction.objects.create(post=published_yesterday, text="Wrong year.")
    time_machine.shift(timedelta(hours=2))

    Correction.objects.all().delete()

    assert Post.objects.get(pk=published_yesterday.pk).updated_at == timezone.now()


def test_corrections_show_oldest_first_at_the_end_of_the_post(client, published_yesterday):
    now = timezone.now()
    Correction.objects.create(post=published_yesterday, text="Second fix.", corrected_at=now)
    Correction.objects.create(
        post=published_yesterday, text="First fix.", corrected_at=now - timedelta(hours=1)
    )

    html = client.get(published_yesterday.get_absolute_url()).content.decode()

    assert html.index("post__body") < html.index("First fix.") < html.index("Second fix.")


def test_a_correction_shows_its_moment_in_the_site_time_zone(client, published_yesterday):
    moment = timezone.now() - timedelta(hours=3, microseconds=1)
    Correction.objects.create(post=published_yesterday, text="Wrong year.", corrected_at=moment)

    page = client.get(published_yesterday.get_absolute_url())

    local = timezone.localtime(moment)
    assertContains(page, f'datetime="{local.isoformat()}">{local.day} ')


def test_correction_text_is_escaped(client, published_yesterday):
    Correction.objects.create(post=published_yesterday, text="<script>alert(1)</script>")

    for url in [published_yesterday.get_absolute_url(), "/corrections/"]:
        response = client.get(url)
        assertNotContains(response, "<script>alert(1)</script>")
        assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")


def test_the_log_lists_newest_first_and_hides_unpublished_posts(client):
    now = timezone.now()
    older = PostFactory(title="Older column")
    newer = PostFactory(title="Newer column")
    draft = PostFactory(title="Draft column", status=Post.Status.DRAFT)
    Correction.objects.create(post=older, text="Old fix.", corrected_at=now - timedelta(days=2))
    Correction.objects.create(post=newer, text="New fix.", corrected_at=now - timedelta(days=1))
    Correction.objects.create(post=draft, text="Secret fix.", corrected_at=now)

    html = client.get("/corrections/").content.decode()

    assert html.index("New fix.") < html.index("Old fix.")
    assert "Secret fix." not in html


def test_the_log_is_paginated_in_a_constant_number_of_queries(
    client, settings, django_assert_max_num_queries
):
    post = PostFactory()
    Correction.objects.bulk_create(
        Correction(post=post, text=f"Fix {n}.") for n in range(settings.POSTS_PER_PAGE + 3)
    )

    with django_assert_max_num_queries(4):
        first = client.get("/corrections/")
    second = client.get("/corrections/?page=2")

    assert len(first.context["corrections"]) == settings.POSTS_PER_PAGE
    assertContains(first, 'rel="next" href="?page=2"')
    assert len(second.context["corrections"]) == 3
    assert client.get("/corrections/?page=9").status_code == 404


def test_the_log_says_so_when_there_are_no_corrections(client):
    assertContains(client.get("/corrections/"), "No corrections so far.")


def test_editors_attach_corrections_in_the_post_admin(admin_client):
    url = reverse("admin:blog_post_change", args=[PostFactory().pk])

    assertContains(admin_client.get(url), 'name="corrections-TOTAL_FORMS"')
