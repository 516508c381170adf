"""Requests over a limit are told which limit, in words a writer understands."""

import pytest

from blog.models import Post, Tag
from tests.security.test_hostile_input import (
    TEN_MEGABYTES,
    add_form,
    add_post,
    editor_client,
    errors_of,
)

pytestmark = pytest.mark.django_db
__all__ = ["add_form", "editor_client"]  # fixtures shared with the other hostile-input tests


def tags(count):
    return [Tag.objects.create(name=f"Tag {number}").pk for number in range(count)]


def test_a_ten_megabyte_body_is_told_the_size_limit(editor_client, add_form):
    response = add_post(editor_client, add_form | {"body": "<p>" + "x" * TEN_MEGABYTES + "</p>"})

    assert response.status_code == 413
    assert "at most 5.0\xa0MB of text in one request" in response.content.decode()


def test_more_tags_than_a_form_can_carry_are_told_the_field_and_tag_limits(editor_client, add_form):
    response = add_post(editor_client, add_form | {"tags": [str(pk) for pk in range(1, 1001)]})

    assert response.status_code == 413
    page = response.content.decode()
    assert "at most 1,000 fields in one form" in page
    assert "at most 50 tags" in page
    assert not Post.objects.exists()


def test_a_post_with_more_tags_than_the_limit_gets_a_form_error(editor_client, add_form):
    response = add_post(editor_client, add_form | {"tags": tags(51)})

    assert "A post can have at most 50 tags; chosen: 51." in errors_of(response)["tags"]
    assert not Post.objects.exists()


def test_a_post_with_as_many_tags_as_the_limit_saves(editor_client, add_form):
    response = add_post(editor_client, add_form | {"tags": tags(50)})

    assert response.status_code == 302
    assert Post.objects.get().tags.count() == 50
