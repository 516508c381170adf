"""Publishing refuses body images that are not from the media library, unless their host is
in ALLOWED_EMBED_HOSTS; library images publish and reach the page with their copies."""

import pytest

from blog.models import Post
from tests.editorial.admin_client import messages_of, move
from tests.library.images import library_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def figure(src, alt="A map of Minsk"):
    return f'<p>See:</p><figure><img src="{src}" alt="{alt}"><figcaption>Map</figcaption></figure>'


@pytest.mark.parametrize(
    "src", ["https://images.example.org/map.png", "/media/library/2026/01/deleted.jpg"]
)
def test_publishing_refuses_a_body_image_not_from_the_library(client, desk, draft, src):
    response = move(client, desk.editor, draft, "publish", desk.superuser, body=figure(src))
    draft.refresh_from_db()

    assert draft.status == Post.Status.DRAFT
    assert src in draft.body
    assert any(
        "not from the media library" in text and src in text for text in messages_of(response)
    )


def test_a_host_in_allowed_embed_hosts_may_be_shown(client, desk, draft, settings):
    settings.ALLOWED_EMBED_HOSTS = ["images.example.org"]
    body = figure("https://images.example.org/map.png")

    move(client, desk.editor, draft, "publish", desk.superuser, body=body)
    draft.refresh_from_db()

    assert draft.status == Post.Status.PUBLISHED


def test_a_library_image_publishes_and_the_page_shows_its_copies(client, desk, draft):
    image = library_image(size=(1200, 800))

    move(client, desk.editor, draft, "publish", desk.superuser, body=figure(image.file.url))
    draft.refresh_from_db()
    client.logout()
    page = client.get(draft.get_absolute_url()).content.decode()

    assert draft.status == Post.Status.PUBLISHED
    assert f'<source type="image/webp" srcset="{image.webp_srcset}"' in page
    assert f'srcset="{image.srcset("JPEG")}"' in page
    assert 'width="1200" height="800" alt="A map of Minsk" loading="lazy"' in page
    assert "<figcaption>Map</figcaption>" in page
