"""Library images in a post body reach the static edition with every responsive copy."""

import pytest

from tests.factories import PostFactory
from tests.library.images import library_image

from .checks import broken_links
from .conftest import publish_static

pytestmark = pytest.mark.django_db


def test_every_copy_of_a_body_image_is_in_the_edition_and_linked_relatively(
    columns, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    image = library_image(size=(1000, 600))
    PostFactory(
        slug="with-a-photo",
        section=columns[0].section,
        body=f'<figure><img src="{image.file.url}" alt="A square"></figure>',
    )

    publish_static(tmp_path / "edition")

    page = (tmp_path / "edition/posts/with-a-photo/index.html").read_text()
    assert broken_links(tmp_path / "edition") == {}
    for copy in image.renditions:
        assert (tmp_path / "edition/media" / copy["name"]).is_file()
        assert f"../../media/{copy['name']} {copy['width']}w" in page
