"""bench/slow_mail.py with the mail server holding every message until the requests are done:
the site (gunicorn) and the worker (`manage.py run_worker`) run as their own processes on a
database file (SQLite, WAL) — or on the suite's PostgreSQL database — and every request is
answered while the worker is stuck in the middle of a message; then every mail arrives."""

import json
import os
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.db import connection

from bench.servers import ROOT

SUBSCRIBERS, READS, SUBSCRIBES = 20, 50, 5


def database_url(tmp_path) -> str:
    """A new SQLite file, or the PostgreSQL database the suite runs on."""
    if connection.vendor != "postgresql":
        return f"sqlite:///{tmp_path / 'slow-mail.sqlite3'}"
    db = connection.settings_dict
    login = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{login}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_every_request_is_answered_while_the_worker_is_stuck_mid_message(tmp_path):
    results = tmp_path / "results.json"
    env = {**os.environ, "DATABASE_URL": database_url(tmp_path)}
    env.pop("REDIS_URL", None)
    command = [sys.executable, "-m", "bench.slow_mail", "--hold", "--seconds-per-mail", "0"]
    command += ["--subscribers", str(SUBSCRIBERS), "--reads", str(READS)]
    command += ["--subscribes", str(SUBSCRIBES), "--json", str(results)]

    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)

    assert results.exists(), run.stdout[-2000:] + run.stderr[-3000:]
    result = json.loads(results.read_text())
    while_mailing = result["while mailing"]
    assert {kind: (row["count"], row["ok"]) for kind, row in while_mailing.items()} == {
        "feed": (READS, READS),
        "post page": (READS, READS),
        "subscribe": (SUBSCRIBES, SUBSCRIBES),
    }
    assert result["post_mails_during_requests"] == 0
    assert result["answered_while_mailing"] == result["requests"] == 2 * READS + SUBSCRIBES
    assert all(row["ok"] == row["count"] for row in result["idle"].values())
    assert (result["post_mails"], result["confirmation_mails"]) == (SUBSCRIBERS, SUBSCRIBES)
