import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def test_the_author_page_shows_the_card_and_their_columns(client, demo_post):
    response = client.get("/authors/valer-karbalevich/")

    assertContains(response, "<h1>Valer Karbalevich</h1>", html=True)
    assertContains(response, "Radio Svaboda political commentator")
    assertContains(response, "Born in 1955.")
    assertContains(response, "karbalevich@gmail.com")
    assertContains(response, demo_post.title)


def test_the_columnists_page_lists_active_authors_only(client, demo_post):
    AuthorFactory(name="Retired Writer", is_active=False)

    response = client.get("/authors/")

    assertContains(response, 'href="/authors/valer-karbalevich/"')
    assertNotContains(response, "Retired Writer")


def test_an_author_without_a_photo_shows_initials(client):
    author = AuthorFactory(name="Святлана Алексіевіч", slug="святлана-алексіевіч")

    response = client.get(author.get_absolute_url())

    assertContains(response, ">СА</span>")
