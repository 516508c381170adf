"""The file cache every server process shares sees the other processes' writes at once."""

import pytest

from pagecache.shared_file_cache import SharedFileCache


@pytest.fixture
def two_processes(tmp_path):
    """Two cache instances over one directory, as two server processes have."""
    return SharedFileCache(str(tmp_path), {}), SharedFileCache(str(tmp_path), {})


def test_a_write_replace_and_delete_in_one_process_is_read_by_the_other(two_processes):
    writer, reader = two_processes
    assert reader.get("version", "none") == "none"

    writer.set("version", "token-1", timeout=None)
    assert reader.get("version") == "token-1"

    writer.set("version", "token-2", timeout=None)  # same size, possibly the same mtime
    assert reader.get("version") == "token-2"

    writer.delete("version")
    assert reader.get("version", "none") == "none"


def test_an_expired_value_is_not_returned_even_when_remembered(two_processes, time_machine):
    writer, reader = two_processes
    time_machine.move_to("2026-01-01 12:00", tick=False)
    writer.set("version", "short-lived", timeout=60)
    assert reader.get("version") == "short-lived"

    time_machine.shift(61)

    assert reader.get("version", "expired") == "expired"
