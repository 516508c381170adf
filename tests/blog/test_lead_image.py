"""The post's lead image: on its page with caption and credit, and in lists."""

import pytest

from tests.factories import PostFactory
from tests.security.images import image_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return PostFactory(
        image=upload(image_bytes(size=(800, 450))),
        image_alt="Riot police on Independence Avenue",
        image_caption="Minsk, August 2020",
        image_credit="Hanna K.",
    )


def test_the_post_page_shows_the_lead_image_with_caption_and_credit(client, post):
    page = client.get(post.get_absolute_url()).content.decode()

    assert f'<img src="{post.image.url}" alt="Riot police on Independence Avenue"' in page
    assert 'loading="eager"' in page
    assert "Minsk, August 2020" in page
    assert "Photo: Hanna K." in page


def test_lists_show_a_thumbnail(client, post):
    page = client.get(post.section.get_absolute_url()).content.decode()

    assert 'class="post-card__image"' in page
    assert post.image.url in page


def test_a_post_without_image_shows_no_figure(client):
    page = client.get(PostFactory().get_absolute_url()).content.decode()

    assert "post__image" not in page
