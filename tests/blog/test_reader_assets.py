import json

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from blog.models import Correction

KB = 1024


def static_size(path):
    with open(finders.find(path), "rb") as asset:
        return len(asset.read())


@pytest.mark.django_db
def test_the_essay_page_stays_light(client, demo_post):
    Correction.objects.create(post=demo_post, text="An earlier version misspelt a name.")

    response = client.get(demo_post.get_absolute_url())

    assert len(response.content) < 60 * KB
    assert static_size("css/columnist.css") < 30 * KB
    assert static_size("js/share.js") < 2 * KB


def test_static_files_are_fingerprinted_and_compressed_for_production(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    call_command("collectstatic", interactive=False, verbosity=0)

    paths = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    css = tmp_path / paths["css/columnist.css"]
    font = paths["fonts/source-serif-4-latin-wght-normal.woff2"]
    assert css.name != "columnist.css"
    assert css.with_name(css.name + ".gz").exists()
    assert (tmp_path / paths["js/share.js"]).with_suffix(".js.gz").exists()
    assert font.rpartition("/")[2] in css.read_text(), "the stylesheet points at hashed fonts"
