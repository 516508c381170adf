import json
import shutil
from datetime import timedelta
from io import BytesIO

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from PIL import Image

from backups.archive import FORMAT_VERSION
from backups.contents import PARTS
from blog.models import Correction, Post, PostTransition, StyleRule
from newsletter.models import Follow, Subscriber
from tests.factories import AuthorFactory, PostFactory, UserFactory
from tests.library.images import library_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def png():
    output = BytesIO()
    Image.new("RGB", (6, 4), "#a33").save(output, format="PNG")
    return ContentFile(output.getvalue(), name="picture.png")


@pytest.fixture
def full_site(demo_post, django_capture_on_commit_callbacks):
    """Some of everything: accounts in roles, the demo column and its versions, a renamed
    post, images (a library image with its copies), corrections, style rules, status changes
    and subscribers with deliveries."""
    editor = UserFactory(groups=["Editors"], email="ed@example.org")
    writer = UserFactory(groups=["Authors"])
    author = AuthorFactory(user=writer, photo=png(), bio="<p>Writes about <em>Minsk</em>.</p>")
    post = PostFactory(
        authors=[author], tags=["Belarus", "Беларусь-2026"], key_points=["One", "Two"]
    )
    post.image = png()
    post.slug = "renamed"
    post.save()
    library_image(size=(600, 400), caption="A library image and its copies")
    Correction.objects.create(post=post, text="A date was wrong.")
    StyleRule.objects.create(preferred="Belarus", variants="Byelorussia\nBelorussia")
    PostTransition.objects.create(post=post, user=editor, from_status="draft", to_status="review")
    subscriber = Subscriber.objects.create(
        email="reader@example.org", status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now()
    )
    Follow.objects.create(subscriber=subscriber, confirmed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(authors=[author], publish_at=timezone.now() - timedelta(minutes=1))
    return post


def snapshot():
    """Every field of every exported row, as the serializer sees them."""
    return {
        part.label: serializers.serialize(
            "python",
            apps.get_model(part.label)._base_manager.order_by("pk"),
            use_natural_foreign_keys=part.natural_foreign_keys,
            use_natural_primary_keys=part.merges,
        )
        for part in PARTS
    }


def media_files(media_root):
    return {
        path.relative_to(media_root): path.read_bytes()
        for path in media_root.rglob("*")
        if path.is_file()
    }


def empty_the_database(media_root):
    for part in reversed(PARTS):
        if not part.merges:
            apps.get_model(part.label)._base_manager.all().delete()
    Post.history.all().delete()  # the deletions above were recorded as versions
    shutil.rmtree(media_root)


def test_an_export_restores_into_an_empty_database_with_nothing_lost(
    full_site, tmp_path, media_root
):
    before, files_before = snapshot(), media_files(media_root)
    assert all(before[label] for label in ["blog.historicalpost", "newsletter.delivery"])
    export = tmp_path / "site.json"
    call_command("export_site", str(export), "--include-subscribers")
    empty_the_database(media_root)

    call_command("import_site", str(export))

    assert snapshot() == before
    assert media_files(media_root) == files_before
    post = Post.objects.get(pk=full_site.pk)
    assert post.search_document.title
    assert PostFactory().pk > max(row["pk"] for row in before["blog.post"])


def test_subscribers_are_left_out_unless_asked_for(full_site, tmp_path):
    export = tmp_path / "site.json"

    call_command("export_site", str(export))

    document = json.loads(export.read_text())
    assert document["version"] == FORMAT_VERSION
    assert document["subscribers_included"] is False
    labels = {entry["model"] for entry in document["objects"]}
    assert "blog.post" in labels
    assert not labels & {"newsletter.subscriber", "newsletter.follow", "newsletter.delivery"}
    assert "reader@example.org" not in export.read_text()


def test_import_refuses_a_database_with_content(full_site, tmp_path):
    export = tmp_path / "site.json"
    call_command("export_site", str(export))
    before = snapshot()

    with pytest.raises(CommandError, match="already has content") as error:
        call_command("import_site", str(export))

    assert "\n" not in str(error.value)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "columnist-site-export", "version": 99, "objects": []}', "version 99"),
        ('{"format": "something-else", "version": 1}', "not a Columnist site export"),
        ("[1, 2, 3]", "not a Columnist site export"),
        ("not json at all", "not JSON"),
    ],
)
def test_import_refuses_a_wrong_file_in_one_line(tmp_path, content, message):
    export = tmp_path / "site.json"
    export.write_text(content)

    with pytest.raises(CommandError, match=message) as error:
        call_command("import_site", str(export))

    assert "\n" not in str(error.value)


def test_a_broken_export_restores_nothing(full_site, tmp_path, media_root):
    export = tmp_path / "site.json"
    call_command("export_site", str(export))
    document = json.loads(export.read_text())
    document["objects"].append({"model": "blog.keypoint", "pk": 999, "fields": {"post": 424242}})
    export.write_text(json.dumps(document))
    empty_the_database(media_root)

    with pytest.raises(CommandError, match="could not be restored"):
        call_command("import_site", str(export))

    assert not Post.objects.exists()
    assert not media_root.exists()


def test_subscribers_travel_encrypted_and_restore_only_under_their_key(
    full_site, tmp_path, media_root, settings
):
    export = tmp_path / "site.json"
    call_command("export_site", str(export), "--include-subscribers")
    assert "newsletter.subscriber" in export.read_text()
    assert "reader@example.org" not in export.read_text()
    empty_the_database(media_root)
    settings.SUBSCRIBER_KEY = Fernet.generate_key().decode()

    with pytest.raises(CommandError, match="encrypted under another subscriber key") as error:
        call_command("import_site", str(export))

    assert "\n" not in str(error.value)
    assert not Post.objects.exists()
    assert not Subscriber.objects.exists()
