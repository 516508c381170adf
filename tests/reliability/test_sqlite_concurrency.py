"""Readers and editors in several processes on one SQLite file, with the project's SQLite
options (WAL, busy timeout, IMMEDIATE transactions): nobody sees "database is locked",
every page loads and every saved edit is there afterwards."""

import multiprocessing

import pytest

from . import sqlite_workers

READERS, WRITERS, SECONDS = 3, 3, 4
SPAWN = multiprocessing.get_context("spawn")


@pytest.fixture
def database_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    process = SPAWN.Process(target=sqlite_workers.seed, args=(url, WRITERS))
    process.start()
    process.join(timeout=120)
    assert process.exitcode == 0
    return url


def run_workers(database_url):
    results = SPAWN.Queue()
    roles = [("reader", n) for n in range(READERS)] + [("writer", n) for n in range(WRITERS)]
    processes = [
        SPAWN.Process(target=sqlite_workers.run, args=(role, n, database_url, SECONDS, results))
        for role, n in roles
    ]
    for process in processes:
        process.start()
    reports = [results.get(timeout=120) for _process in processes]
    for process in processes:
        process.join(timeout=30)
    return reports


def final_state(database_url):
    results = SPAWN.Queue()
    SPAWN.Process(target=sqlite_workers.final_state, args=(database_url, WRITERS, results)).start()
    return results.get(timeout=60)


def test_concurrent_readers_and_editors_never_see_a_locked_database(database_url):
    reports = run_workers(database_url)

    assert [failure for _role, _n, failures, _done in reports for failure in failures] == []
    assert all(done for _role, _n, _failures, done in reports)
    final = final_state(database_url)
    for role, number, _failures, saved in reports:
        if role == "writer":
            lead, key_points = final[number]
            assert lead == saved[-1]
            assert key_points == saved
