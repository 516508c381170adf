"""A restored export meets the same rich-text limits and allowlist as the editor (its rows are
saved raw)."""

import json

import pytest
from django.core.management import CommandError, call_command

from blog.models import Post
from tests.backups.test_export_import import empty_the_database, media_root

pytestmark = pytest.mark.django_db
__all__ = ["media_root"]  # the export tests' own media folder, fixture shared


def test_an_export_with_a_body_over_the_limit_is_refused_in_one_line(
    demo_post, tmp_path, media_root, settings
):
    export = tmp_path / "site.json"
    call_command("export_site", str(export))
    media_root.mkdir(parents=True)  # the demo has no images: nothing made the folder
    empty_the_database(media_root)
    settings.RICH_TEXT_MAX_CHARS = 1_000

    with pytest.raises(CommandError, match=r"body: .*the limit is 1,000 characters") as error:
        call_command("import_site", str(export))

    assert "\n" not in str(error.value)
    assert not Post.objects.exists()


def test_markup_the_editor_would_strip_is_stripped_from_a_restored_export(
    demo_post, tmp_path, media_root
):
    export = tmp_path / "site.json"
    call_command("export_site", str(export))
    document = json.loads(export.read_text())
    post = next(item for item in document["objects"] if item["model"] == "blog.post")
    post["fields"]["body"] += '<script>alert(1)</script><img src="x" onerror="alert(2)">'
    export.write_text(json.dumps(document))
    media_root.mkdir(parents=True)
    empty_the_database(media_root)

    call_command("import_site", str(export))

    body = Post.objects.get().body
    assert "<script" not in body
    assert "onerror" not in body
    assert "alert" not in body
