"""Readers' pages come from the cache, and every change a reader could see invalidates them."""

from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from blog.models import KeyPoint, Post
from pagecache.middleware import PageCacheMiddleware
from tests.factories import (
    AuthorFactory,
    PostFactory,
    SectionFactory,
    UserFactory,
)
from tests.pagecache import reader_changes

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    return reader_changes.changeable_post()


def test_a_second_anonymous_visit_is_served_without_touching_the_database(
    client, post, django_assert_num_queries
):
    client.get(post.get_absolute_url())

    with django_assert_num_queries(0):
        response = client.get(post.get_absolute_url())

    assertContains(response, "The original title")


def test_cached_pages_tell_browsers_and_a_cdn_how_long_to_keep_them(client, post, settings):
    settings.PAGE_CACHE_CONTROL = {"max_age": 60, "s_maxage": 300, "stale_while_revalidate": 600}

    for response in [client.get(post.get_absolute_url()), client.get(post.get_absolute_url())]:
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert directives == {
            "public",
            "max-age=60",
            "s-maxage=300",
            "stale-while-revalidate=600",
        }
        assert response.has_header("ETag")
        assert response.has_header("Last-Modified")


def test_a_matching_etag_gets_304_without_a_body(client, post):
    first = client.get(post.get_absolute_url())

    again = client.get(post.get_absolute_url(), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_if_modified_since_gets_304_until_the_content_changes(client, post, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    first = client.get(post.get_absolute_url())
    since = {"if-modified-since": first["Last-Modified"]}
    assert client.get(post.get_absolute_url(), headers=since).status_code == 304

    time_machine.shift(timedelta(seconds=5))
    post.title = "A later title"
    post.save()

    assertContains(client.get(post.get_absolute_url(), headers=since), "A later title")


def test_an_etag_of_an_older_version_gets_the_new_page(client, post):
    stale_etag = client.get(post.get_absolute_url())["ETag"]
    post.title = "A later title"
    post.save()

    response = client.get(post.get_absolute_url(), headers={"if-none-match": stale_etag})

    assertContains(response, "A later title")
    assert response["ETag"] != stale_etag


def test_the_feeds_keep_their_own_validators(client, post):
    first = client.get("/feed/")
    cached = client.get("/feed/")

    assert first["ETag"] == cached["ETag"]
    assert first["ETag"].startswith('W/"')
    assert client.get("/feed/", headers={"if-none-match": first["ETag"]}).status_code == 304


def test_signed_in_staff_always_get_a_freshly_rendered_private_page(client, post):
    client.get(post.get_absolute_url())
    Post.objects.filter(pk=post.pk).update(title="Changed behind the cache's back")
    assert "The original title" in client.get(post.get_absolute_url()).text

    client.force_login(UserFactory())
    response = client.get(post.get_absolute_url())

    assertContains(response, "Changed behind the cache&#x27;s back")
    assert "private" in response["Cache-Control"]


def test_only_get_and_head_are_served_from_the_cache(client, post):
    client.get("/")
    PostFactory(title="A column published since")

    assert client.head("/").status_code == 200
    assert client.post("/").status_code == 405
    assertContains(client.get("/"), "A column published since")


def test_a_page_showing_a_csrf_token_is_never_shared(rf, post):
    def view(request):
        return HttpResponse(f"token {get_token(request)}")

    middleware = PageCacheMiddleware(view)
    first = middleware(rf.get("/with-a-form/"))
    second = middleware(rf.get("/with-a-form/"))

    assert first.content != second.content
    assert not first.has_header("ETag")


def unpublish(post):
    post.status = Post.Status.DRAFT
    post.save()
    return None


def edit_author_bio(post):
    author = post.byline[0]
    author.bio = "<p>The new biography.</p>"
    author.save()
    return "The new biography."


def add_an_author(post):
    post.credits.create(author=AuthorFactory(name="A second author"), position=1)
    return "A second author"


def add_a_tag(post):
    post.tags.add("Added tag")
    return "Added tag"


def edit_key_point(post):
    KeyPoint.objects.filter(post=post).delete()
    KeyPoint.objects.create(post=post, text="The new point")
    return "The new point"


@pytest.mark.parametrize(
    "change",
    [
        reader_changes.edit_title,
        unpublish,
        edit_author_bio,
        add_an_author,
        reader_changes.edit_disclaimer,
        reader_changes.rename_section,
        reader_changes.rename_tag,
        add_a_tag,
        edit_key_point,
        reader_changes.add_correction,
    ],
)
def test_every_change_readers_can_see_reaches_the_cached_post_page_at_once(client, post, change):
    url = post.get_absolute_url()
    assertContains(client.get(url), "The original title")

    expected = change(post)

    response = client.get(url)
    if expected is None:
        assert response.status_code == 404
    else:
        assertContains(response, expected)


def test_publishing_reaches_the_cached_index(client):
    draft = PostFactory(title="A draft becomes news", status=Post.Status.DRAFT)
    assertNotContains(client.get("/"), "A draft becomes news")

    draft.status = Post.Status.PUBLISHED
    draft.publish_at = None
    draft.save()

    assertContains(client.get("/"), "A draft becomes news")


def test_a_scheduled_post_appears_when_its_time_comes_with_nothing_saved(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    PostFactory(title="Old news")
    PostFactory(title="Tomorrow's column", publish_at=timezone.now() + timedelta(hours=1))
    assertNotContains(client.get("/"), "Tomorrow’s column")  # typeset on output
    assertContains(client.get("/"), "Old news")

    time_machine.shift(timedelta(hours=1, seconds=1))

    assertContains(client.get("/"), "Tomorrow’s column")  # typeset on output


def test_a_new_section_joins_the_header_of_a_page_read_before(client, post):
    client.get(post.get_absolute_url())

    SectionFactory(name="A new section")

    assertContains(client.get(post.get_absolute_url()), "A new section")


def site_nav(response) -> str:
    page = response.content.decode()
    return page[page.index('<nav class="site-nav"') : page.index("</nav>")]


def test_the_header_follows_the_sections_and_marks_the_page_it_is_on(client, post, settings):
    settings.PAGE_CACHE = False
    client.get("/authors/")

    reader_changes.rename_section(post)
    columnists, archive = client.get("/authors/"), client.get("/archive/")

    assert "The renamed section" in site_nav(columnists)
    assert 'href="/authors/" aria-current="page"' in site_nav(columnists)
    assert 'href="/authors/" aria-current="page"' not in site_nav(archive)
