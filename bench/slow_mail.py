"""Readers and subscribers are served while the worker mails a post through a slow mail server.

    .venv/bin/python -m bench.slow_mail     # on a new SQLite file (WAL) in a temporary directory
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/columnist_slowmail \
        .venv/bin/python -m bench.slow_mail

A PostgreSQL database must exist; the script migrates it and adds rows of its own (a post, an
author, a section, subscribers under addresses unique to the run). It starts an SMTP server on
127.0.0.1 taking --seconds-per-mail over every message (bench/slow_smtp.py), the site under
gunicorn with the page cache off (so every request reads the database) and `manage.py
run_worker`, all on that database; it publishes a post to --subscribers confirmed subscribers,
waits until the worker is in the middle of a message, then sends --reads requests each to
/feed/ and to the post page and --subscribes subscriptions from --clients clients at once, and
waits for every mail. It prints, for each kind of request, how many answered 2xx and the
slowest and 95th-percentile times — first on the idle site (the same requests, to another
column, before the mailing: the machine's reference), then during the mailing — and how many
mails arrived. The exit status is 1 if a request failed, one made during the mailing took a
second or more, or a mail never arrived.

--hold keeps every message at the mail server until the requests are done (the test of this
script uses it, with no delay): the worker is then stuck mid-message throughout.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from bench.servers import ROOT, gunicorn
from bench.slow_smtp import slow_smtp_server

SLOW_MS = 1000
MAILING_TIMEOUT = 600
WARM_UP_ROUNDS = 10
MAILED = "Mailed slowly"
PHASES = ("idle", "while mailing")


def environment(database_url: str, smtp_port: int, var_dir: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "COLUMNIST_VAR_DIR": var_dir,
        "DJANGO_DEBUG": "0",
        "PAGE_CACHE": "0",
        "CONN_MAX_AGE": "60",  # as in production
        "LOG_LEVEL": "WARNING",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_USE_SSL": "0",
        "EMAIL_TIMEOUT": "120",  # --hold keeps a message waiting while the requests run
        "NEWSLETTER_GRACE_MINUTES": "0",  # the mailing starts as soon as the post is published
    }


def seed(subscribers: int, run: str) -> str:
    """Confirmed subscribers to the section of the mailed column, and a column of another
    section (to warm the server up with); its address."""
    from django.core.management import call_command
    from django.utils import timezone

    from newsletter.models import Follow, Subscriber

    call_command("migrate", verbosity=0)
    earlier_post = publish(run, "Published earlier")
    followed = section(run, MAILED)
    for number in range(subscribers):
        subscriber = Subscriber.objects.create(
            email=f"reader-{number}-{run}@example.org",
            status=Subscriber.Status.CONFIRMED,
            confirmed_at=timezone.now(),
        )
        Follow.objects.create(subscriber=subscriber, section=followed, confirmed_at=timezone.now())
    return earlier_post


def warm_up(base: str, earlier_post: str):
    """Let every gunicorn worker load its templates and connections before measuring."""
    for _round in range(WARM_UP_ROUNDS):
        for path in ("/", "/feed/", earlier_post, "/newsletter/"):
            timed("warm-up", base + path)


def publish(run: str, name: str) -> str:
    """A new published column in the section `name` (its mailing is queued for the worker);
    its address."""
    from django.db import transaction

    from authors.models import Author
    from blog.models import Post, PostAuthor

    with transaction.atomic():
        author, _new = Author.objects.get_or_create(
            name=f"Columnist {run}", slug=f"columnist-{run}"
        )
        post = Post.objects.create(
            title=f"{name} {run}",
            slug=slug_of(run, name),
            section=section(run, name),
            lead="A column mailed while readers read.",
            body="<p>" + "Words of a column. " * 200 + "</p>",
            status=Post.Status.PUBLISHED,
        )
        PostAuthor.objects.create(post=post, author=author)
    return post.get_absolute_url()


def section(run: str, name: str):
    from blog.models import Section

    named = {"name": f"{name} {run}"}
    return Section.objects.get_or_create(slug=slug_of(run, name), defaults=named)[0]


def slug_of(run: str, name: str) -> str:
    return f"{name.lower().replace(' ', '-')}-{run}"


@contextmanager
def worker(env: dict, log: Path):
    command = [sys.executable, "manage.py", "run_worker", "--interval", "0.2"]
    with log.open("ab") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def timed(kind: str, url: str, data: dict | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data else None
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, data=body, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    finished = time.monotonic()
    return {"kind": kind, "status": status, "ms": (finished - started) * 1000, "at": finished}


def requests_for(base: str, post_path: str, options, prefix: str) -> list[tuple]:
    """--reads requests each to /feed/ and the post, with --subscribes spread among them."""
    reads = [("feed", f"{base}/feed/", None), ("post page", f"{base}{post_path}", None)]
    calls = [read for _n in range(options.reads) for read in reads]
    for number in range(options.subscribes):
        form = {"email": f"{prefix}-{number}@example.org", "follow": "blog", "website": ""}
        place = number * len(calls) // options.subscribes
        calls.insert(place, ("subscribe", base + "/newsletter/", form))
    return calls


def send_requests(calls: list[tuple], clients: int) -> list[dict]:
    with ThreadPoolExecutor(clients) as pool:
        return list(pool.map(lambda call: timed(*call), calls))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summary(answers: list[dict]) -> dict:
    kinds = {}
    for kind in ("feed", "post page", "subscribe"):
        times = [answer["ms"] for answer in answers if answer["kind"] == kind]
        ok = sum(200 <= answer["status"] < 300 for answer in answers if answer["kind"] == kind)
        kinds[kind] = {"count": len(times), "ok": ok, "max_ms": max(times), "p95_ms": p95(times)}
    return kinds


def run(options) -> dict:
    """Requests on an idle site, then the same while the post is mailed; what came of them."""
    run_id = uuid.uuid4().hex[:8]
    with (
        tempfile.TemporaryDirectory(prefix="slow-mail-") as scratch,
        slow_smtp_server(options.seconds_per_mail) as (inbox, port),
    ):
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{scratch}/slow-mail.sqlite3"
        env = environment(database_url, port, scratch)
        earlier_post = set_up(env, options.subscribers, run_id)
        site_log, worker_log = Path(scratch) / "site.log", Path(scratch) / "worker.log"
        with (
            gunicorn("config.wsgi:application", options.workers, env, site_log) as site,
            worker(env, worker_log),
        ):
            warm_up(site.url, earlier_post)
            calls = requests_for(site.url, earlier_post, options, f"idle-{run_id}")
            idle = send_requests(calls, options.clients)
            if not inbox.wait_for("idle-", options.subscribes, MAILING_TIMEOUT):
                raise SystemExit(f"The idle confirmations never arrived; see {worker_log}.")
            inbox.first_message_started.clear()
            if options.hold:
                inbox.held.set()
            post_path = publish(run_id, MAILED)
            if not inbox.first_message_started.wait(timeout=120):
                raise SystemExit(f"The worker sent no mail within 120 s; see {worker_log}.")
            started, mailed_before = time.monotonic(), inbox.count("reader-")
            calls = requests_for(site.url, post_path, options, f"new-{run_id}")
            mailing = send_requests(calls, options.clients)
            mailed_during = inbox.count("reader-") - mailed_before
            inbox.held.clear()
            complete = inbox.wait_for("reader-", options.subscribers, MAILING_TIMEOUT)
            complete &= inbox.wait_for("new-", options.subscribes, MAILING_TIMEOUT)
            mailing_ended = inbox.last_at("reader-") or time.monotonic()
    from django.db import connection

    return {
        "database": connection.vendor,
        "settings": {key: str(value) for key, value in vars(options).items()},
        "idle": summary(idle),
        "while mailing": summary(mailing),
        "answered_while_mailing": sum(answer["at"] < mailing_ended for answer in mailing),
        "requests": len(mailing),
        "requests_seconds": max(answer["at"] for answer in mailing) - started,
        "post_mails": inbox.count("reader-"),
        "post_mails_during_requests": mailed_during,
        "confirmation_mails": inbox.count("new-"),
        "all_mail_arrived": complete,
    }


def set_up(env: dict, subscribers: int, run_id: str) -> str:
    os.environ.update(env)
    import django

    django.setup()
    return seed(subscribers, run_id)


def print_table(result: dict, options):
    hold = " (held until the requests end)" if options.hold else ""
    print(
        f"Slow mail server — {result['database']}, {options.subscribers} subscribers, "
        f"{options.seconds_per_mail} s per message{hold}, gunicorn {options.workers} workers, "
        f"{options.clients} clients, load average {os.getloadavg()[0]:.1f}\n"
    )
    print(f"  {'request':<12}{'when':<15}{'count':>6}{'2xx':>6}{'max ms':>9}{'p95 ms':>9}")
    for phase in PHASES:
        for kind, row in result[phase].items():
            print(
                f"  {kind:<12}{phase:<15}{row['count']:>6}{row['ok']:>6}"
                f"{row['max_ms']:>9.0f}{row['p95_ms']:>9.0f}"
            )
    print(
        f"\n  {result['answered_while_mailing']} of {result['requests']} requests answered while "
        f"the post was being mailed ({result['requests_seconds']:.1f} s for all of them);\n"
        f"  mails: {result['post_mails']} post mails ({result['post_mails_during_requests']} "
        f"while the requests ran), {result['confirmation_mails']} confirmation mails."
    )


def failed(result: dict) -> bool:
    """Whether a request failed, one made during the mailing took a second or more, or a
    mail never arrived (the idle figures are the machine's reference)."""
    failures = any(row["ok"] < row["count"] for phase in PHASES for row in result[phase].values())
    slow = any(row["max_ms"] >= SLOW_MS for row in result["while mailing"].values())
    return failures or slow or not result["all_mail_arrived"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=20)
    parser.add_argument("--seconds-per-mail", type=float, default=3.0)
    parser.add_argument("--reads", type=int, default=50, help="requests to each page")
    parser.add_argument("--subscribes", type=int, default=5)
    parser.add_argument("--clients", type=int, default=2, help="requests at once")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--hold", action="store_true", help="hold mail until requests end")
    parser.add_argument("--json", type=Path, help="also write the results here")
    options = parser.parse_args()
    result = run(options)
    print_table(result, options)
    if options.json:
        options.json.write_text(json.dumps(result, default=str))
    sys.exit(1 if failed(result) else 0)


if __name__ == "__main__":
    main()
