"""`make bench`: the production server under load, measured between its floor and its ceiling.

Prepares its own database (the demo plus BENCH_POSTS synthetic posts, kept between runs:
SQLite under var/bench/ unless DATABASE_URL is set, and Redis when REDIS_URL is), then, with
BENCH_WORKERS gunicorn workers, loads the post page served from the page cache, the post page
with nothing cached at all (bench.cold_settings: every cache alias a DummyCache), the index,
an author page and the site feed, and two reference apps serving the post page's exact bytes
under the same gunicorn settings: the ceiling (bare WSGI, bench/ceiling.py) and the floor (a
one-view Django project, bench/floor.py). Each is loaded right after a ceiling run of its own
and reported as requests/s, p50/p99 latency and server CPU per request (bench/cpu.py), each
also as a share of the ceiling, with the SQL queries a request runs (bench/queries.py); the
essay of the static edition served by nginx (bench/edition.py, bench/nginx.py) is loaded
the same way and reported as a multiple of the ceiling. Then
64 connections read the site for BENCH_STRESS_SECONDS while a post is saved every second.
Everything is written to var/bench/results.json; the exit status is non-zero when a target
is missed.

Run it from the repository root: `python -m bench.run` (what `make bench` does).
"""

import base64
import gzip
import json
import os
import re
import secrets
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

from bench.load import measure
from bench.nginx import nginx, nginx_binary
from bench.pairs import paired_runs
from bench.servers import ROOT, fetch, gunicorn
from bench.table import print_results

VAR = ROOT / "var" / "bench"
POSTS = int(os.environ.get("BENCH_POSTS", "100000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
STRESS_SECONDS = int(os.environ.get("BENCH_STRESS_SECONDS", "30"))
STRESS_CONNECTIONS = 64
POST = "/posts/why-belarus-and-kazakhstan-took-different-paths/"
FLOOR, CACHED, COLD = "floor (one-view Django)", "post (cached)", "post (nothing cached)"
CACHED_PAGES = {
    CACHED: POST,
    "index": "/",
    "author": "/authors/valer-karbalevich/",
    "site feed": "/feed/",
}
STRESS_PAGES = [POST, "/", "/authors/valer-karbalevich/", "/sections/blogs/", "/feed/"]
# The cached post page's requests/s as a share of the ceiling's: on SQLite with the local
# caches, and with PostgreSQL or Redis on the way.
CACHED_TARGET = {"local": 0.60, "services": 0.50}
# The essay of the static edition (edition/) served by nginx: a multiple of the ceiling.
STATIC = "static essay (nginx)"
STATIC_TARGET = 5.0


def main():
    VAR.mkdir(parents=True, exist_ok=True)
    env = production_environment()
    cold_env = env | {"DJANGO_SETTINGS_MODULE": "bench.cold_settings"}
    print(f"Preparing the benchmark database ({POSTS:,} synthetic posts)…", flush=True)
    database = django_job("prepare", POSTS, env=env)
    queries = django_job("queries", CACHED_PAGES, env=env)
    queries |= django_job("queries", {COLD: POST}, env=cold_env)
    static_page = django_job("edition", POST, str(VAR / "edition"), env=env)["path"]
    print(f"Loading each page beside the ceiling ({WORKERS} gunicorn workers)…", flush=True)
    run = measure_pages(env, cold_env, static_page)
    for name, page in run["pages"].items():
        page["queries"] = queries.get(name, {}).get("queries")
    print(f"Stress: {STRESS_CONNECTIONS} connections for {STRESS_SECONDS} s with edits…")
    results = {"setup": setup_description(env) | database, **run, "stress": stress(env)}
    results["targets"] = targets(results)
    (VAR / "results.json").write_text(json.dumps(results, indent=2))
    print_results(results)
    print(f"\nWritten to {VAR / 'results.json'}")
    missed = [target for target, reached in results["targets"].items() if not reached]
    if missed:
        sys.exit(f"Targets missed: {'; '.join(missed)}")


def production_environment() -> dict:
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SUBSCRIBER_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "COLUMNIST_VAR_DIR": str(VAR),
        "LOG_LEVEL": "WARNING",
        "PAGE_CACHE": "on",
    }
    env.setdefault("CACHE_KEY_PREFIX", "columnist-bench")
    return env


def django_job(job: str, *args, env: dict) -> dict:
    """Run bench/<job>.py's main(*args, report) in a Django process; return its report."""
    command, report = django_command(job, *args)
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return json.loads(report.read_text())


def django_command(job: str, *args) -> tuple[list, Path]:
    report = VAR / f"{job}.json"
    report.unlink(missing_ok=True)
    call = ", ".join(map(repr, [*args, str(report)]))
    code = f"import bench.{job} as job; job.main({call})"
    return [sys.executable, "manage.py", "shell", "--no-imports", "-c", code], report


def measure_pages(env: dict, cold_env: dict, static_page: str) -> dict:
    log, body = VAR / "gunicorn.log", VAR / "post.html"
    with gunicorn("config.wsgi", WORKERS, env, log) as site:
        body.write_bytes(fetch(site.url + POST)[1])
        body_env = env | {"BENCH_BODY": str(body)}
        with (
            gunicorn("config.wsgi", WORKERS, cold_env, log) as cold,
            gunicorn("bench.floor:application", WORKERS, body_env, log) as floor,
            gunicorn("bench.ceiling:application", WORKERS, body_env, log) as ceiling,
            ExitStack() as static,
        ):
            pages = {FLOOR: (floor, POST), CACHED: (site, POST), COLD: (cold, POST)}
            pages |= {name: (site, path) for name, path in CACHED_PAGES.items()}
            if nginx_binary():
                edition = static.enter_context(nginx(VAR / "edition", WORKERS, VAR / "nginx"))
                pages[STATIC] = (edition, static_page)
            skipped = {
                name: f"{path} answered {status}"
                for name, (server, path) in pages.items()
                if (status := fetch(server.url + path)[0]) != 200
            }
            if not nginx_binary():
                skipped[STATIC] = "nginx not installed"
            answering = {name: page for name, page in pages.items() if name not in skipped}
            measured = paired_runs(answering, ceiling, POST)
        sizes = page_sizes(site.url, body.read_bytes())
    return {"pages": measured, "skipped": skipped, "post_page_bytes": sizes}


def page_sizes(base: str, html: bytes) -> dict:
    stylesheets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
    css = b"".join(fetch(base + href.decode())[1] for href in stylesheets)
    return {
        "html": len(html),
        "html_gzip": len(gzip.compress(html)),
        "css": len(css),
        "css_gzip": len(gzip.compress(css)),
    }


def stress(env: dict) -> dict:
    log = VAR / "stress.log"
    log.unlink(missing_ok=True)
    with gunicorn("config.wsgi", WORKERS, env, log) as site:
        command, report = django_command("writer", STRESS_SECONDS)
        writer = subprocess.Popen(command, cwd=ROOT, env=env)
        paths = [path for path in STRESS_PAGES if fetch(site.url + path)[0] == 200]
        readers = measure(site.url, paths, STRESS_SECONDS, STRESS_CONNECTIONS).as_dict()
        writer.wait()
    server_log = log.read_text(errors="replace")
    return {
        "workers": WORKERS,
        "readers": readers,
        "editor": json.loads(report.read_text()),
        "database_locked": server_log.count("database is locked"),
        "server_errors": server_log.count("Traceback"),
    }


def targets(results: dict) -> dict:
    setup = results["setup"]
    local = setup["database"] == "SQLite" and not setup["redis"]
    share = CACHED_TARGET["local" if local else "services"]
    cached = results["pages"].get(CACHED, {}).get("of_ceiling", {})
    reached = cached.get("requests_per_second") or 0.0
    static = results["pages"].get(STATIC, {}).get("of_ceiling", {})
    return {
        f"{CACHED} ≥ {share:.0%} of the ceiling's req/s": reached >= share,
        f"{STATIC} ≥ {STATIC_TARGET:g}× the ceiling's req/s": (
            (static.get("requests_per_second") or 0.0) >= STATIC_TARGET
        ),
        "no errors under load with edits": stress_failures(results["stress"]) == 0,
    }


def stress_failures(stress_run: dict) -> int:
    editor = stress_run["editor"]
    failures = stress_run["readers"]["errors"] + len(editor["failures"]) + editor["lost_edits"]
    return failures + stress_run["database_locked"] + stress_run["server_errors"]


def setup_description(env: dict) -> dict:
    redis = bool(env.get("REDIS_URL"))
    return {
        "database": "PostgreSQL" if env.get("DATABASE_URL") else "SQLite",
        "redis": redis,
        "cache": "Redis" if redis else "local memory + shared file",
        "workers": WORKERS,
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
    }


if __name__ == "__main__":
    main()
