"""Autocomplete in the post form: tags and authors, for writers as well as editors."""

import pytest
from django.urls import reverse

from blog.models import Tag
from tests.editorial.admin_client import logged_in

pytestmark = pytest.mark.django_db

LOOKUPS = {
    "tags": {"app_label": "blog", "model_name": "post", "field_name": "tags", "term": "bel"},
    "authors": {
        "app_label": "blog",
        "model_name": "postauthor",
        "field_name": "author",
        "term": "olg",
    },
}


@pytest.mark.parametrize("role", ["owner", "editor"])
@pytest.mark.parametrize(("lookup", "expected"), [("tags", "Belarus"), ("authors", "Olga Writer")])
def test_the_post_form_autocompletes_tags_and_authors(client, desk, role, lookup, expected):
    Tag.objects.resolve(["Belarus", "Kazakhstan"])

    response = logged_in(client, desk.user(role)).get(
        reverse("admin:autocomplete"), LOOKUPS[lookup]
    )

    assert [result["text"] for result in response.json()["results"]] == [expected]


def test_anonymous_visitors_get_no_suggestions(client):
    response = client.get(reverse("admin:autocomplete"), LOOKUPS["authors"])

    assert response.status_code == 302
