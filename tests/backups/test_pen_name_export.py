"""An export leaves out who writes under a pen name unless explicitly asked for."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from authors.models import Author
from blog.models import PostTransition
from tests.backups.test_export_import import empty_the_database
from tests.factories import AuthorFactory, UserFactory
from tests.pen_names import LEGAL_NAME, LOGIN, PEN_NAME, make_pen_name_writer, traces_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def writer():
    return make_pen_name_writer()


@pytest.fixture
def known_writer():
    """A columnist under their own name, whose login is no secret."""
    user = UserFactory(username="open_login", groups=["Authors"])
    return AuthorFactory(user=user, name="Open Name", legal_name="Open Legalname")


def export(tmp_path, *flags) -> str:
    path = tmp_path / "site.json"
    call_command("export_site", str(path), *flags)
    return path.read_text()


def rows(text, model):
    return [entry for entry in json.loads(text)["objects"] if entry["model"] == model]


def test_an_export_without_flags_holds_no_trace_of_the_writer(writer, known_writer, tmp_path):
    text = export(tmp_path)

    assert traces_in(text) == []
    assert PEN_NAME in text
    assert json.loads(text)["pen_name_identities_included"] is False
    (login,) = [row for row in rows(text, "auth.user") if row["pk"] == writer.user.pk]
    assert login["fields"]["username"] == f"pen-name-{writer.user.pk}"
    assert login["fields"]["password"].startswith("!")  # no usable password
    assert "open_login" in text  # other logins are exported as they are
    assert "Open Legalname" not in text  # legal names are private for everyone


def test_the_flag_exports_who_writes_under_the_pen_name(writer, known_writer, tmp_path):
    text = export(tmp_path, "--include-pen-name-identities")

    assert json.loads(text)["pen_name_identities_included"] is True
    assert LOGIN in text
    assert LEGAL_NAME in text
    assert "Open Legalname" in text


def test_an_export_without_flags_restores_the_pen_name_with_its_history(
    writer, tmp_path, media_root
):
    path = tmp_path / "site.json"
    call_command("export_site", str(path))
    empty_the_database(media_root)

    call_command("import_site", str(path))

    author = Author.objects.get(pk=writer.author.pk)
    assert (author.name, author.is_pen_name, author.legal_name) == (PEN_NAME, True, "")
    login = get_user_model().objects.get(pk=writer.user.pk)
    assert author.user == login
    assert login.username == f"pen-name-{login.pk}"
    assert not login.has_usable_password()
    assert PostTransition.objects.get(post=writer.post).user == login
