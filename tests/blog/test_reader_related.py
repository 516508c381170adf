from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from blog.models import Correction, Post
from blog.post_page import find_post, related_posts
from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def titles(posts):
    return [post.title for post in posts]


@pytest.fixture
def column():
    return PostFactory(
        title="The column",
        tags=["Belarus", "Russia", "CSTO"],
        authors=[AuthorFactory(name="Valer")],
        publish_at=days_ago(1),
    )


def test_related_posts_rank_shared_tags_then_author_then_section(column):
    valer = column.byline[0]
    PostFactory(title="One shared tag", tags=["Belarus"], publish_at=days_ago(2))
    PostFactory(title="Two shared tags", tags=["Russia", "CSTO"], publish_at=days_ago(30))
    PostFactory(title="Same author", authors=[valer], publish_at=days_ago(40))
    PostFactory(title="Same section", section=column.section, publish_at=days_ago(3))
    PostFactory(title="Unrelated", publish_at=days_ago(2))

    related = Post.objects.published().related_to(find_post(column.slug))

    assert titles(related) == ["Two shared tags", "One shared tag", "Same author", "Same section"]


def test_ties_go_to_the_newest_and_the_page_shows_three(client, column):
    for age in [5, 3, 4, 2]:
        PostFactory(title=f"{age} days old", tags=["Belarus"], publish_at=days_ago(age))

    response = client.get(column.get_absolute_url())

    assert titles(response.context["related_posts"]) == ["2 days old", "3 days old", "4 days old"]
    assertContains(response, "Read also")


def test_related_posts_are_published_and_never_the_post_itself(column):
    PostFactory(title="Draft", tags=["Belarus"], status=Post.Status.DRAFT)
    PostFactory(title="Scheduled", tags=["Belarus"], publish_at=timezone.now() + timedelta(days=1))

    assert titles(related_posts(find_post(column.slug))) == []


def test_a_lonely_post_has_no_related_posts_and_no_neighbours(client):
    post = PostFactory(tags=[])

    response = client.get(post.get_absolute_url())

    assertNotContains(response, "Read also")
    assertNotContains(response, 'rel="prev"')
    assertNotContains(response, 'rel="next"')


def test_previous_and_next_are_the_published_neighbours_in_the_section(client):
    section = SectionFactory(name="Blogs")
    first, middle, last = (
        PostFactory(title=title, section=section, publish_at=days_ago(age))
        for title, age in [("First", 30), ("Middle", 20), ("Last", 10)]
    )
    PostFactory(title="Draft between", section=section, status=Post.Status.DRAFT)
    PostFactory(title="Elsewhere", publish_at=days_ago(15))

    page = client.get(middle.get_absolute_url())

    assertContains(page, f'rel="prev" href="{first.get_absolute_url()}"')
    assertContains(page, f'rel="next" href="{last.get_absolute_url()}"')
    assertContains(page, 'aria-label="More in Blogs"')
    assertNotContains(client.get(first.get_absolute_url()), 'rel="prev"')
    assertNotContains(client.get(last.get_absolute_url()), 'rel="next"')


def test_posts_published_at_the_same_moment_still_have_an_order(client):
    section = SectionFactory()
    moment = days_ago(1)
    one, two = (PostFactory(section=section, publish_at=moment) for _ in range(2))

    assert find_post(one.slug).next_slug == two.slug
    assert find_post(two.slug).previous_slug == one.slug


def test_neighbours_are_not_repeated_among_related_posts(client):
    section = SectionFactory()
    earlier = PostFactory(title="Earlier", section=section, tags=["x"], publish_at=days_ago(9))
    post = PostFactory(section=section, tags=["x"], publish_at=days_ago(5))

    response = client.get(post.get_absolute_url())

    assertContains(response, f'rel="prev" href="{earlier.get_absolute_url()}"')
    assert list(response.context["related_posts"]) == []


# post (with its neighbours, corrections and translations), authors, tags, key points,
# related posts, the header's sections
POST_PAGE_QUERIES = 6


def test_the_post_page_needs_the_same_few_queries_however_much_surrounds_it(
    client, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE = False
    section = SectionFactory()
    small = PostFactory(section=SectionFactory(), tags=[])
    Correction.objects.create(post=small, text="Fix.")
    authors = AuthorFactory.create_batch(6)
    tags = [f"Tag {n}" for n in range(25)]
    large = PostFactory(
        section=section, authors=authors, tags=tags, key_points=["One", "Two", "Three"]
    )
    for n in range(12):
        PostFactory(section=section, authors=authors[:2], tags=tags[n : n + 5])
        Correction.objects.create(post=large, text=f"Fix {n}.")

    with django_assert_max_num_queries(POST_PAGE_QUERIES) as small_queries:
        client.get(small.get_absolute_url())
    with django_assert_max_num_queries(POST_PAGE_QUERIES) as large_queries:
        response = client.get(large.get_absolute_url())

    assert len(large_queries) == len(small_queries)
    assertContains(response, 'class="related__item"', count=3)
    assertContains(response, "Fix 11.")
    assertContains(response, 'rel="next"')
