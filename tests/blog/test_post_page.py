from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from blog.models import Post
from tests.factories import AuthorFactory, DisclaimerFactory, PostFactory

pytestmark = pytest.mark.django_db

# post (with its neighbours), authors, tags, key points, corrections, related posts, the
# header's sections: rendered from nothing (the page cache keeps whole pages only)
POST_PAGE_QUERIES = 7


def test_the_demo_column_shows_every_element(client, demo_post):
    response = client.get(demo_post.get_absolute_url())

    assertContains(
        response,
        '<h1 class="post__title" lang="en">Why Belarus and Kazakhstan took different paths</h1>',
        html=False,
    )
    assertContains(response, 'href="/sections/blogs/" dir="auto">Blogs</a>')
    assertContains(response, "<p>Why?</p>")
    assertContains(
        response, 'href="/authors/valer-karbalevich/" rel="author" dir="auto">Valer Karbalevich</a>'
    )
    assertContains(response, f'datetime="{timezone.localtime(demo_post.publish_at).isoformat()}"')
    assertContains(response, "min read")
    assertContains(response, "Briefly")
    page_body = response.content.decode().partition("</head>")[2]  # the head has JSON-LD
    assert page_body.count("put all its eggs in one basket and bet on Russia.") == 1
    assertContains(response, '<h2 id="section-7">7.</h2>')
    assertContains(response, 'rel="tag" dir="auto">War in Ukraine</a>')
    assertContains(response, "do not necessarily reflect the editorial position", count=1)
    assertContains(response, "Radio Svaboda political commentator")
    assertContains(response, "Born in 1955.")
    assertContains(response, "candidate of historical sciences")
    assertContains(response, "mailto:karbalevich@gmail.com")
    assertContains(response, "Subscribe")
    assertContains(response, '<span class="author-card__initials" aria-hidden="true">VK</span>')


def test_a_disclaimer_placed_before_the_body_comes_before_it(client):
    post = PostFactory(
        body="<p>The body text.</p>", disclaimer=DisclaimerFactory(placement="before")
    )

    html = client.get(post.get_absolute_url()).content.decode()

    assert html.index("author’s own") < html.index("The body text.")


def test_an_edited_post_says_when_it_was_updated(client, time_machine):
    time_machine.move_to(timezone.now())
    post = PostFactory(publish_at=timezone.now())
    assertNotContains(client.get(post.get_absolute_url()), "Updated")

    time_machine.shift(timedelta(hours=3))
    post.lead = "A corrected lead."
    post.save()

    assertContains(client.get(post.get_absolute_url()), "Updated")


@pytest.mark.parametrize(
    "unpublished",
    [
        {"status": Post.Status.DRAFT},
        {"status": Post.Status.REVIEW},
        {"publish_at": timezone.now() + timedelta(days=1)},
    ],
)
def test_unpublished_posts_answer_404(client, unpublished):
    post = PostFactory(**unpublished)

    response = client.get(post.get_absolute_url())

    assert response.status_code == 404
    assertContains(response, "Page not found", status_code=404)


def test_changing_a_slug_keeps_the_old_address_as_a_permanent_redirect(client):
    post = PostFactory(slug="old-address")
    post.slug = "new-address"
    post.save()
    post.slug = "newest-address"
    post.save()

    for old in ["old-address", "new-address"]:
        response = client.get(f"/posts/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/posts/newest-address/"
    assert client.get("/posts/newest-address/").status_code == 200


def test_an_old_address_of_an_unpublished_post_is_not_revealed(client):
    post = PostFactory(slug="old-address")
    post.slug = "new-address"
    post.status = Post.Status.DRAFT
    post.save()

    assert client.get("/posts/old-address/").status_code == 404


def test_reverting_to_an_old_slug_serves_it_again(client):
    post = PostFactory(slug="first")
    post.slug = "second"
    post.save()
    post.slug = "first"
    post.save()

    assert client.get("/posts/first/").status_code == 200
    assert client.get("/posts/second/")["Location"] == "/posts/first/"


def test_cyrillic_titles_slugs_and_tags_route_and_render(client):
    post = PostFactory(
        title="Чаму Беларусь і Казахстан пайшлі рознымі шляхамі", slug="", tags=["Беларусь"]
    )

    assert post.slug == "чаму-беларусь-і-казахстан-пайшлі-рознымі-шляхамі"
    response = client.get(post.get_absolute_url())
    assertContains(response, "Чаму Беларусь і Казахстан пайшлі рознымі шляхамі")
    assertContains(response, 'rel="tag" dir="auto">Беларусь</a>')
    tag_page = client.get("/tags/беларусь/")
    assertContains(tag_page, post.title)


def test_the_post_page_query_count_does_not_grow_with_tags_authors_or_key_points(
    client, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE = False
    small = PostFactory()
    large = PostFactory(
        authors=AuthorFactory.create_batch(8),
        tags=[f"Tag {n}" for n in range(30)],
        key_points=[f"Point {n}" for n in range(12)],
    )
    with django_assert_max_num_queries(POST_PAGE_QUERIES) as small_queries:
        client.get(small.get_absolute_url())

    with django_assert_max_num_queries(POST_PAGE_QUERIES) as large_queries:
        response = client.get(large.get_absolute_url())

    assert len(large_queries) == len(small_queries)
    assertContains(response, "Tag 29")
    assertContains(response, "Point 11")
