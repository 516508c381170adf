from datetime import timedelta

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from blog.models import KeyPoint, Post, Tag
from search.models import SearchDocument
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text ranking needs PostgreSQL"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's matching")


def search(client, query, **params):
    return client.get("/search/", {"q": query, **params})


def found_titles(response):
    return [post.title for post in response.context["posts"]]


@pytest.mark.parametrize(
    ("fields", "query"),
    [
        ({"title": "Крамяны сад"}, "крамяны"),
        ({"lead": "Лід пра незалежнасць"}, "незалежнасць"),
        ({"key_points": ["Першая тэза", "Эканамічная залежнасць ад Расіі"]}, "эканамічная"),
        ({"body": "<p>Пасярэдзіне</p><ul><li>тэксту</li><li>дыяспара</li></ul>"}, "дыяспара"),
        ({"tags": ["Вайна ва Украіне"]}, "украіне"),
        ({"authors": [AuthorFactory.build(name="Валер Карбалевіч")]}, "карбалевіч"),
    ],
    ids=["title", "lead", "key point", "body", "tag", "author"],
)
def test_search_finds_a_word_in_each_field(client, fields, query):
    if "authors" in fields:
        fields["authors"][0].save()
    PostFactory(title="Unrelated")
    post = PostFactory(**{"title": "Калонка", **fields})

    response = search(client, query)

    assert response.status_code == 200
    assert found_titles(response) == [post.title]
    assertContains(response, post.get_absolute_url())


@pytest.mark.parametrize("query", ["БЕЛАРУСЬ", "беларусь", "БеЛаРуСь"])
def test_cyrillic_matches_whatever_the_letter_case(client, query):
    PostFactory(title="Беларусь і Казахстан")
    PostFactory(title="ЛЯСЫ БЕЛАРУСЬ", lead="")

    assert len(found_titles(search(client, query))) == 2


def test_every_word_must_match(client):
    PostFactory(title="Беларусь і Казахстан")
    PostFactory(title="Беларусь і Расія")

    assert found_titles(search(client, "беларусь расія")) == ["Беларусь і Расія"]


def test_drafts_reviews_and_future_posts_are_not_found(client):
    PostFactory(title="Сакрэт чарнавік", status=Post.Status.DRAFT)
    PostFactory(title="Сакрэт рэдагаванне", status=Post.Status.REVIEW)
    PostFactory(title="Сакрэт будучыня", publish_at=timezone.now() + timedelta(days=1))

    assert found_titles(search(client, "сакрэт")) == []


def test_matches_are_highlighted_and_escaped(client):
    PostFactory(title="Свабода <b>слова</b>", lead="Пра СВАБОДУ & годнасць")

    html = search(client, "свабод").content.decode()

    assert "<mark>Свабод</mark>а &lt;b&gt;слова&lt;/b&gt;" in html
    assert "Пра <mark>СВАБОД</mark>У &amp; годнасць" in html


def test_the_body_passage_around_the_match_is_shown(client):
    words = " ".join(f"слова{n}" for n in range(200))
    PostFactory(body=f"<p>{words} адліга {words}</p>")

    response = search(client, "адліга")

    assertContains(response, "<mark>адліга</mark>")
    assertNotContains(response, "слова150 ")  # the passage starts near the match


HOSTILE_QUERIES = [
    "",
    "   ",
    "a" * 10_000,
    "слова " * 2_000,
    "'; DROP TABLE blog_post; --",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "</title><img src=x onerror=alert(1)>",
    "& | ! ( ) : * < > '",
    "%_%",
    "\x01\x1b\x7f",  # (NUL never gets here: security.requests answers it with the 400 page)
    "ﬁ ǅ ß İ",
    "\u202e\u200b\ufeff",
    "🤔🇧🇾",
    "زمان",
    "e\u0301\u0301\u0301",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_query_gets_a_normal_page(client, query):
    PostFactory(title="Калонка")

    response = search(client, query)

    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(
    "query_string",
    ["q=%ED%A0%80", "q=%FF%FE", "q=%01%1B", "q=a&q=b", "q", "q=x&page=abc", "q=x&page=99999999999"],
)
def test_malformed_query_strings_get_a_normal_page(client, query_string):
    PostFactory(title="x")

    assert client.get(f"/search/?{query_string}").status_code == 200


def test_a_long_query_is_shown_back_shortened(client):
    response = search(client, "слова " * 2_000)

    assert len(response.context["query"]) <= 200


def test_search_pages_are_not_indexed(client):
    assertContains(search(client, "калонка"), '<meta name="robots" content="noindex, follow">')


def test_results_come_in_pages_that_keep_the_query(client, settings):
    for number in range(settings.POSTS_PER_PAGE + 2):
        PostFactory(title=f"Калонка {number}")

    first = search(client, "калонка")
    second = search(client, "калонка", page=2)

    assert len(first.context["posts"]) == settings.POSTS_PER_PAGE
    assertContains(first, 'href="?q=%D0%BA%D0%B0%D0%BB%D0%BE%D0%BD%D0%BA%D0%B0&amp;page=2"')
    assert len(second.context["posts"]) == 2


def test_the_number_of_queries_does_not_grow_with_the_results(
    client, django_assert_max_num_queries
):
    authors = AuthorFactory.create_batch(3)
    for number in range(10):
        PostFactory(
            title=f"Калонка {number}",
            authors=authors,
            tags=[f"тэг {number}", "агульны"],
            key_points=["адна", "дзве"],
        )

    with django_assert_max_num_queries(7):
        response = search(client, "калонка")

    assert len(response.context["posts"]) == 10


def test_only_the_newest_matches_are_counted_and_ranked(client, monkeypatch):
    monkeypatch.setattr("search.query.MAX_RESULTS", 3)
    for days in range(5):
        PostFactory(title=f"Калонка {days}", publish_at=timezone.now() - timedelta(days=days))

    response = search(client, "калонка")

    assert sorted(found_titles(response)) == ["Калонка 0", "Калонка 1", "Калонка 2"]
    assertContains(response, "The 3 newest matching columns are shown")


def test_renaming_an_author_or_a_tag_updates_what_search_finds(client):
    author = AuthorFactory(name="Стары Аўтар")
    PostFactory(authors=[author], tags=["Старая назва"])

    author.name = "Новы Аўтар"
    author.save()
    tag = Tag.objects.get(name="Старая назва")
    tag.name = "Новая назва"
    tag.save()

    assert len(found_titles(search(client, "новы"))) == 1
    assert len(found_titles(search(client, "новая"))) == 1
    assert found_titles(search(client, "стары")) == []
    assert found_titles(search(client, "старая")) == []


def test_removed_key_points_and_tags_are_no_longer_found(client):
    post = PostFactory(key_points=["Зніклая тэза"], tags=["зніклы"])

    KeyPoint.objects.filter(post=post).delete()
    post.tags.clear()

    assert found_titles(search(client, "зніклая")) == []
    assert found_titles(search(client, "зніклы")) == []


def test_a_deleted_tag_is_no_longer_found(client):
    PostFactory(tags=["часовы"])

    Tag.objects.filter(name="часовы").delete()

    assert found_titles(search(client, "часовы")) == []


def test_deleting_a_post_deletes_its_search_document():
    post = PostFactory(key_points=["тэза"], tags=["тэг"])

    post.delete()

    assert not SearchDocument.objects.exists()


def test_an_imported_essay_is_found_by_its_key_points(client, demo_post):
    # "themselves" is only in the demo's key points, which the importer bulk-creates
    assert found_titles(search(client, "found themselves")) == [demo_post.title]


def test_the_rebuild_command_covers_posts_created_in_bulk(client):
    section = PostFactory(title="Першая").section
    Post.objects.bulk_create([Post(title="Масавы імпарт", slug="masavy", section=section)])
    Post.objects.filter(slug="masavy").update(
        status=Post.Status.PUBLISHED, publish_at=timezone.now()
    )
    assert not SearchDocument.objects.filter(post__slug="masavy").exists()

    call_command("rebuild_search_index")

    assert found_titles(search(client, "масавы")) == ["Масавы імпарт"]


@on_postgresql
def test_postgresql_ranks_title_matches_above_body_matches(client):
    PostFactory(title="Іншая тэма", body="<p>Свабода слова.</p>")
    PostFactory(
        title="Свабода", body="<p>Іншае.</p>", publish_at=timezone.now() - timedelta(days=30)
    )

    assert found_titles(search(client, "свабода")) == ["Свабода", "Іншая тэма"]


@on_postgresql
def test_postgresql_matches_word_prefixes_across_inflections(client):
    PostFactory(title="Беларусі патрэбна свабода")

    assert len(found_titles(search(client, "беларус"))) == 1


@on_postgresql
def test_postgresql_searches_through_the_gin_index():
    PostFactory(title="Свабода")
    matching = SearchDocument.objects.filter(vector=SearchQuery("свабода", config="simple"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = matching.explain()

    assert "search_document_vector_idx" in plan, plan


@on_sqlite
def test_sqlite_lists_matches_newest_first_and_finds_parts_of_words(client):
    PostFactory(title="Незалежнасць", publish_at=timezone.now() - timedelta(days=2))
    PostFactory(title="Залежнасць", publish_at=timezone.now() - timedelta(days=1))

    assert found_titles(search(client, "залежн")) == ["Залежнасць", "Незалежнасць"]


def test_rebuilt_documents_reach_cached_search_results(client, settings):
    settings.PAGE_CACHE = True
    section = PostFactory(title="Першая").section
    Post.objects.bulk_create(
        [Post(title="Масавы імпарт", slug="masavy", section=section, status=Post.Status.PUBLISHED)]
    )
    Post.objects.filter(slug="masavy").update(publish_at=timezone.now())
    assertNotContains(search(client, "масавы"), 'href="/posts/masavy/"')

    call_command("rebuild_search_index")

    assertContains(search(client, "масавы"), 'href="/posts/masavy/"')
