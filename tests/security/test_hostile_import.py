"""Hostile input through the essay importer and the tag machinery: one clear line, no crash,
nothing created."""

import pytest
from django.core.management import CommandError, call_command

from blog.models import Post
from editorial.demo import ESSAY_PATH
from tests.factories import AuthorFactory, PostFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def desk():
    AuthorFactory(slug="olga")
    SectionFactory(slug="blogs")


def run_import(path, title="A column", tags=()):
    options = ["--author", "olga", "--section", "blogs", "--title", title]
    call_command("import_essay", str(path), *options, *(f"--tag={tag}" for tag in tags))


@pytest.mark.parametrize(
    ("title", "tags", "message"),
    [
        ("🔥🔥🔥 !!!", [], "no letters or digits"),
        ("Bad\x00title", [], "cannot be stored"),
        ("Broken \udcff bytes", [], "cannot be stored"),
        ("A column", ["ok", "bad\x00tag"], "cannot be stored"),
    ],
)
def test_unusable_titles_and_tags_are_refused_in_one_line(title, tags, message):
    with pytest.raises(CommandError, match=message) as error:
        run_import(ESSAY_PATH, title, tags)

    assert "\n" not in str(error.value)
    assert not Post.objects.exists()


def test_an_essay_file_with_nul_characters_is_refused(tmp_path):
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY_PATH.read_text(encoding="utf-8").replace("Briefly", "Brie\x00fly"))

    with pytest.raises(CommandError, match="cannot be stored"):
        run_import(essay)

    assert not Post.objects.exists()


@pytest.mark.parametrize("name", ["!!!", "🔥", "<script>", "...", "\u202e!"])
def test_tags_without_letters_still_get_a_working_address(client, name):
    post = PostFactory(tags=[name, "ordinary"])

    tag = post.tags.exclude(name="ordinary").get()
    assert tag.slug
    assert client.get(post.get_absolute_url()).status_code == 200
    assert client.get(tag.get_absolute_url()).status_code == 200
