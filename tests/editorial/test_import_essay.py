import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from blog.models import Post
from editorial.demo import ESSAY_PATH, load_demo
from tests.factories import AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

IMPORT_OPTIONS = ["--author", "a", "--section", "b", "--title", "T"]
TITLE = "Why Belarus and Kazakhstan took different paths"


@pytest.fixture
def author():
    return AuthorFactory(name="Valer Karbalevich", slug="valer-karbalevich", position="")


@pytest.fixture
def section():
    return SectionFactory(name="Blogs", slug="blogs")


def run_import(path, *extra):
    args = [str(path), "--author", "valer-karbalevich", "--section", "blogs", "--title", TITLE]
    call_command("import_essay", *args, *extra)


def test_imports_the_reference_essay_into_a_post(author, section):
    run_import(ESSAY_PATH, "--tag", "Belarus", "--tag", "CSTO", "--status", "published")

    post = Post.objects.get()
    assert post.slug == "why-belarus-and-kazakhstan-took-different-paths"
    assert post.lead.startswith("But Lukashenka did not manage to jump out of the rut")
    assert post.lead.endswith("Why?")
    assert [p.text.split("\n")[0] for p in post.key_points.all()][1] == (
        "But the Belarusian leadership put all its eggs in one basket and bet on Russia."
    )
    assert post.key_points.count() == 4
    assert re.findall(r"<h2>(\d+)\.</h2>", post.body) == ["1", "2", "3", "4", "5", "6", "7"]
    assert "<h2>2.</h2>\n<p>The Belarusian leadership put all its eggs" in post.body
    for trailer in ["opinions expressed", "karbalevich@gmail.com", "born in", "Subscribe"]:
        assert trailer not in post.body
    assert post.byline == [author]
    assert sorted(post.tags.names()) == ["Belarus", "CSTO"]
    assert post.status == Post.Status.PUBLISHED


def test_the_author_card_completes_an_empty_author_profile(author, section):
    run_import(ESSAY_PATH)

    author.refresh_from_db()
    assert author.birth_year == 1955
    assert author.position == "Radio Svaboda political commentator"
    assert author.email == "karbalevich@gmail.com"
    assert author.education.startswith("Graduated from the history faculty of BSU")


def test_new_imports_are_drafts_unless_a_status_is_given(author, section):
    run_import(ESSAY_PATH)

    assert Post.objects.get().status == Post.Status.DRAFT


def test_reimporting_updates_the_post_instead_of_duplicating_it(author, section, tmp_path):
    run_import(ESSAY_PATH, "--tag", "Belarus", "--status", "published")
    first = Post.objects.get()
    run_import(ESSAY_PATH, "--tag", "Belarus")
    unchanged = Post.objects.get()
    edited = tmp_path / "essay.txt"
    edited.write_text(ESSAY_PATH.read_text().replace("Why?", "Why so?"), encoding="utf-8")

    run_import(edited, "--tag", "Kazakhstan")

    post = Post.objects.get()
    assert unchanged.updated_at == first.updated_at
    assert post.pk == first.pk
    assert post.lead.endswith("Why so?")
    assert post.key_points.count() == 4
    assert list(post.tags.names()) == ["Kazakhstan"]
    assert post.status == Post.Status.PUBLISHED


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"\xff\xfe\x00broken", "not UTF-8"),
        (b"Just one paragraph.\n\nAnd another.", "Briefly"),
        (b"Lead.\n\nBriefly:\n\nNo bullets here.", "bullet"),
    ],
)
def test_a_bad_file_exits_with_one_clear_line_and_changes_nothing(
    author, section, tmp_path, content, message
):
    path = tmp_path / "essay.txt"
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(CommandError, match=message) as failure:
        run_import(path)

    assert "\n" not in str(failure.value)
    assert not Post.objects.exists()


def test_unknown_author_or_section_is_refused(section, tmp_path):
    with pytest.raises(CommandError, match="No author with the slug “valer-karbalevich”"):
        run_import(ESSAY_PATH)
    assert not Post.objects.exists()


def test_the_command_exits_non_zero_from_the_shell(tmp_path):
    missing = tmp_path / "missing.txt"
    result = subprocess.run(
        [sys.executable, "manage.py", "import_essay", str(missing), *IMPORT_OPTIONS],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )

    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "no such file" in result.stderr


def test_load_demo_is_idempotent(demo_post):
    again = load_demo()

    assert again.pk == demo_post.pk
    assert Post.objects.count() == 1
    assert again.updated_at == demo_post.updated_at
    assert sorted(again.tags.names()) == sorted(
        ["Belarus", "Kazakhstan", "Russia", "CSTO", "War in Ukraine", "Lukashenka", "Tokayev"]
    )
