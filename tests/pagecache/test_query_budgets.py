"""What a page costs the database when it is rendered from nothing — with no cache at all
— amid plenty of tags, authors, key points, related posts and corrections: the same at
any size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains

from authors.models import Author
from blog.models import Correction, Section
from tests.factories import AuthorFactory, PostFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

# the post with its neighbours, corrections and translations; bylines, tags, key points,
# related posts and the header's sections
POST_PAGE = 6
# the header's sections, the subject (section, tag or author), posts, bylines, tags, key points
LIST_PAGE = 6
ADMIN_POST_LIST = 10
NO_CACHE = {
    alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    for alias in ["default", "shared", "pages", "query_pages"]
}


@pytest.fixture
def no_cache_at_all(settings):
    settings.CACHES = NO_CACHE


def crowded_site(posts: int):
    """`posts` more posts sharing a section, authors and tags, each with extras of its own."""
    section = Section.objects.filter(slug="crowded").first() or SectionFactory(slug="crowded")
    authors = list(Author.objects.filter(slug__startswith="shared-")) or [
        AuthorFactory(slug=f"shared-{n}") for n in range(3)
    ]
    made = [
        PostFactory(
            section=section,
            authors=[*authors, AuthorFactory()],
            tags=["Shared", "Common", f"Own {n}"],
            key_points=["One point", "Another point"],
        )
        for n in range(posts)
    ]
    for post in made:
        Correction.objects.create(post=post, text="A corrected name.")
    return made


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_post_page_costs_the_same_few_queries_with_no_cache_however_crowded(
    client, no_cache_at_all
):
    plain = PostFactory(tags=[], key_points=["A point"])
    crowded = crowded_site(12)[0]

    few = queries_for(client, plain.get_absolute_url())
    many = queries_for(client, crowded.get_absolute_url())

    assert many == few <= POST_PAGE
    response = client.get(crowded.get_absolute_url())
    assertContains(response, f'<h1 class="post__title" lang="en">{crowded.title}</h1>')
    assertContains(response, 'class="related__item"', count=3)


def test_corrections_cost_no_query_of_their_own_however_many(client, no_cache_at_all):
    never = PostFactory(tags=["Shared"], key_points=["A point"])
    once = PostFactory(tags=["Shared"], key_points=["A point"])
    Correction.objects.create(post=once, text="A corrected date.")
    often = crowded_site(12)[0]
    for n in range(10):
        Correction.objects.create(post=often, text=f"Corrected name {n}.")

    assert queries_for(client, never.get_absolute_url()) == POST_PAGE
    assert queries_for(client, once.get_absolute_url()) == POST_PAGE
    assert queries_for(client, often.get_absolute_url()) == POST_PAGE
    assertContains(client.get(often.get_absolute_url()), "Corrected name 9.")


def test_translations_cost_no_query_of_their_own(client, no_cache_at_all):
    original = PostFactory(language="be", tags=["Shared"])
    translations = [
        PostFactory(language=language, translation_of=original) for language in ["ru", "en"]
    ]

    for post in [original, *translations]:
        assert queries_for(client, post.get_absolute_url()) == POST_PAGE
    page = client.get(original.get_absolute_url())
    for translation in translations:
        assertContains(page, f'hreflang="{translation.language}"')


def test_an_old_address_redirects_with_no_cache_at_all(client, no_cache_at_all):
    post = PostFactory(slug="the-old-address")
    post.slug = "the-new-address"
    post.save()

    response = client.get("/posts/the-old-address/")

    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()


@pytest.mark.parametrize("url", ["/", "/sections/crowded/", "/tags/shared/", "/authors/shared-0/"])
def test_list_pages_cost_the_same_whatever_the_number_of_posts(client, no_cache_at_all, url):
    crowded_site(3)
    few = queries_for(client, url)

    crowded_site(25)
    many = queries_for(client, url)

    assert many == few <= LIST_PAGE


def test_the_admin_post_list_costs_the_same_per_page(client):
    client.force_login(UserFactory(is_superuser=True))
    crowded_site(3)
    client.get("/admin/blog/post/")
    few = queries_for(client, "/admin/blog/post/")

    crowded_site(30)
    many = queries_for(client, "/admin/blog/post/")

    assert many == few <= ADMIN_POST_LIST
