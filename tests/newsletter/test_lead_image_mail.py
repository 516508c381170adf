"""The publication mail shows the post's lead image with its caption and credit."""

import pytest

from newsletter.mail import post_message
from tests.factories import PostFactory
from tests.security.images import image_bytes, upload

from .helpers import SITE

pytestmark = pytest.mark.django_db


def test_the_publication_mail_shows_the_lead_image_with_its_credit(
    settings, tmp_path, confirmed_subscriber
):
    settings.MEDIA_ROOT = tmp_path
    post = PostFactory(
        image=upload(image_bytes(size=(800, 450))),
        image_alt="Riot police on Independence Avenue",
        image_caption="Minsk, August 2020",
        image_credit="Hanna K.",
    )

    html = post_message(post, confirmed_subscriber("reader@example.org")).alternatives[0][0]

    assert f'src="{SITE}{post.image.url}"' in html
    assert 'alt="Riot police on Independence Avenue"' in html
    assert "Minsk, August 2020" in html
    assert "Photo: Hanna K." in html


def test_a_mail_without_lead_image_has_no_image(confirmed_subscriber):
    html = post_message(PostFactory(), confirmed_subscriber("reader@example.org")).alternatives[0][
        0
    ]

    assert "<img" not in html
