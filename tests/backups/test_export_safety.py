"""An export holds password hashes: it is written for its owner's eyes only, whole or not at
all, and says when queued work (mails waiting to go out) is not in it."""

import io
import os
import stat

import pytest
from django.core.management import CommandError, call_command

from newsletter.tasks import schedule_tick, send_confirmation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def usual_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def export(path) -> str:
    stderr = io.StringIO()
    call_command("export_site", str(path), "--include-subscribers", stderr=stderr)
    return stderr.getvalue()


def test_an_export_is_readable_by_its_owner_only(tmp_path):
    user = UserFactory(password="secret-password")
    path = tmp_path / "site.json"

    export(path)

    assert user.password in path.read_text()
    assert mode(path) == 0o600


def test_an_export_over_a_world_readable_file_makes_it_private(tmp_path):
    path = tmp_path / "site.json"
    path.write_text("an old export")
    path.chmod(0o644)

    export(path)

    assert mode(path) == 0o600
    assert path.read_text().startswith("{")


def test_an_export_that_cannot_be_written_leaves_no_file_behind(tmp_path):
    folder = tmp_path / "site.json"
    folder.mkdir()

    with pytest.raises(CommandError, match="cannot be written"):
        export(folder)

    assert list(tmp_path.iterdir()) == [folder]
    assert list(folder.iterdir()) == []


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_queued_tasks_are_named_in_one_warning_line(database_tasks, tmp_path):
    schedule_tick()
    send_confirmation.enqueue(1)
    send_confirmation.enqueue(2)

    lines = export(tmp_path / "site.json").splitlines()

    [warning] = [line for line in lines if line.startswith("Warning")]
    assert "2 queued background task(s)" in warning
    assert "run the worker until its queue is empty" in warning


def test_the_workers_own_tick_alone_gives_no_warning(database_tasks, tmp_path):
    schedule_tick()

    assert "Warning" not in export(tmp_path / "site.json")
