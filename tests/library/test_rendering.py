"""Body images on the post page: library images get their responsive copies, others stay
as the sanitiser left them, and the alt text stays escaped."""

import pytest

from tests.factories import PostFactory

from .images import library_image

pytestmark = pytest.mark.django_db


def page_of(client, body):
    return client.get(PostFactory(body=body).get_absolute_url()).content.decode()


def test_an_alt_text_with_markup_stays_text(client):
    image = library_image(size=(600, 400))

    page = page_of(client, f'<figure><img src="{image.file.url}" alt="&quot;&gt;<b>x"></figure>')

    assert 'alt="&quot;&gt;&lt;b&gt;x"' in page
    assert "<b>x" not in page
    assert 'srcset="' in page


def test_an_image_from_an_allowed_host_is_left_as_it_is(client):
    page = page_of(client, '<figure><img src="https://img.example.org/a.png" alt="A"></figure>')

    assert '<img src="https://img.example.org/a.png" alt="A">' in page
    assert "srcset" not in page


def test_a_library_image_given_by_its_absolute_address_is_recognised(client, settings):
    image = library_image(size=(600, 400))

    page = page_of(client, f'<img src="{settings.SITE_URL}{image.file.url}" alt="A">')

    assert image.webp_srcset in page
