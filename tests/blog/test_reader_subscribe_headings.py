"""Reader-side fixes from the desk trial: author and section pages introduce their subscribe
form with a heading; the author card's subscribe panel spans the whole card (no gutter under
the portrait on a phone); a draft's preview byline carries a date."""

import re

import pytest
from django.urls import reverse

from blog.models import Post
from tests.editorial.admin_client import logged_in
from tests.factories import AuthorFactory, PostFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_section_page_heads_its_subscribe_form(client):
    section = SectionFactory(name="Blogs")
    PostFactory(section=section)

    page = client.get(section.get_absolute_url()).content.decode()

    assert re.search(
        r'<h2 class="listing__subtitle" id="subscribe-title">Subscribe by email</h2>\s*'
        r'<form class="subscribe-form"',
        page,
    )


def test_the_author_page_heads_its_subscribe_form(client):
    author = AuthorFactory(name="Valer Karbalevich")
    PostFactory(authors=[author])

    page = client.get(author.get_absolute_url()).content.decode()

    assert re.search(
        r'id="subscribe-title">Subscribe by email</h2>\s*'
        r'<form class="subscribe-form"',
        page,
    )


def test_the_author_cards_subscribe_panel_is_beside_not_under_the_text_column(client):
    post = PostFactory(authors=[AuthorFactory(name="Olga")])

    page = client.get(post.get_absolute_url()).content.decode()

    card = re.search(r'<section class="author-card".*?</section>', page, re.DOTALL)[0]
    text_column = re.search(r'<div class="author-card__text">.*?\n  </div>', card, re.DOTALL)[0]
    assert 'class="author-card__subscribe"' in card
    assert "author-card__subscribe" not in text_column


def test_a_drafts_preview_byline_has_a_date_and_no_empty_time(client):
    editor = UserFactory(groups=["Editors"])
    draft = PostFactory(status=Post.Status.DRAFT, publish_at=None)

    response = logged_in(client, editor).get(reverse("admin:blog_post_preview", args=[draft.pk]))

    meta = re.search(r'<p class="byline__meta">(.*?)</p>', response.content.decode(), re.DOTALL)
    time = re.search(r'<time datetime="([^"]*)">([^<]*)</time>', meta[1])
    assert time[1].startswith(f"{draft.updated_at:%Y}-")
    assert time[2].strip()
