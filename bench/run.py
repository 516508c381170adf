"""`make bench`: the production server under load, measured against its ceiling.

Prepares its own database (the demo plus BENCH_POSTS synthetic posts; SQLite under
var/bench/ unless DATABASE_URL is set, and Redis when REDIS_URL is), then for 2 and 4
gunicorn workers measures the post page cached and uncached, the index, an author page
and the site feed, and the ceiling: a bare WSGI app answering with the post page's exact
bytes under the same gunicorn settings. Every figure is also given as a share of that
ceiling. Then 64 connections read the site for 30 s while a post is saved through the
ORM every second. Queries and render times per page type come from bench/pages.py.
Everything is written to var/bench/results.json.
"""

import gzip
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from load import measure
from servers import ROOT, fetch, gunicorn
from table import print_results

VAR = ROOT / "var" / "bench"
PYTHON = ROOT / ".venv" / "bin" / "python"
POSTS = int(os.environ.get("BENCH_POSTS", "100000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
STRESS_SECONDS = int(os.environ.get("BENCH_STRESS_SECONDS", "30"))
STRESS_CONNECTIONS = 64
WORKER_COUNTS = (2, 4)
POST = "/posts/why-belarus-and-kazakhstan-took-different-paths/"
CACHED_PAGES = {
    "post (cached)": POST,
    "index": "/",
    "author": "/authors/valer-karbalevich/",
    "site feed": "/feed/",
}
STRESS_PAGES = [POST, "/", "/authors/valer-karbalevich/", "/sections/blogs/", "/feed/"]
TARGETS = {"post (cached)": 0.50, "post (uncached)": 0.15}


def main():
    VAR.mkdir(parents=True, exist_ok=True)
    env = production_environment()
    print(f"Preparing the benchmark database ({POSTS:,} synthetic posts)…", flush=True)
    database = django_job("prepare", POSTS, env=env)
    print("Rendering each page type (page cache off)…", flush=True)
    rendered = django_job("pages", env=env | {"PAGE_CACHE": "off"})
    runs = {}
    for workers in WORKER_COUNTS:
        print(f"Measuring with {workers} workers…", flush=True)
        runs[workers] = measure_workers(workers, env)
    best = max(runs, key=lambda workers: total_rate(runs[workers]))
    print(f"Stress: {STRESS_CONNECTIONS} connections for {STRESS_SECONDS} s with edits…")
    results = {
        "setup": setup_description(env) | database,
        "rendered": rendered,
        "runs": runs,
        "best_workers": best,
        "stress": stress(best, env),
    }
    results["targets"] = targets(runs[best], results["stress"])
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
        "SECRET_KEY": secrets.token_urlsafe(50),
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
    return [PYTHON, "manage.py", "shell", "--no-imports", "-c", code], report


def measure_workers(workers: int, env: dict) -> dict:
    """Each page right after a ceiling run of its own, so that both see the same machine."""
    log = VAR / "gunicorn.log"
    body = VAR / "post.html"
    with (
        gunicorn("config.wsgi", workers, env, log) as site,
        gunicorn("config.wsgi", workers, env | {"PAGE_CACHE": "off"}, log) as uncached,
    ):
        body.write_bytes(fetch(site + POST)[1])
        ceiling_env = env | {"BENCH_CEILING_BODY": str(body)}
        with gunicorn("bench.ceiling:application", workers, ceiling_env, log) as ceiling:
            targets = {name: (site, path) for name, path in CACHED_PAGES.items()}
            targets["post (uncached)"] = (uncached, POST)
            pages, ceilings, skipped = paired_runs(targets, ceiling)
        sizes = page_sizes(site, body.read_bytes())
    ceilings.sort(key=lambda run: run["requests_per_second"])
    return {
        "ceiling": ceilings[len(ceilings) // 2],
        "pages": pages,
        "skipped": skipped,
        "post_page_bytes": sizes,
    }


def paired_runs(targets: dict, ceiling: str) -> tuple[dict, list, dict]:
    """Each page right after a ceiling run, ROUNDS times over; the round with the median
    share of the ceiling counts, so that a moment of noise on the machine does not."""
    skipped = {}
    for name, (base, path) in list(targets.items()):
        status = fetch(base + path)[0]
        if status != 200:
            skipped[name] = f"{path} answered {status}"
            del targets[name]
    rounds = {name: [] for name in targets}
    for _ in range(ROUNDS):
        for name, (base, path) in targets.items():
            ceiling_run = load(ceiling, POST)
            page = load(base, path)
            page["of_ceiling"] = round(
                page["requests_per_second"] / ceiling_run["requests_per_second"], 3
            )
            rounds[name].append((page, ceiling_run))
    pages, ceilings = {}, []
    for name, runs in rounds.items():
        runs.sort(key=lambda run: run[0]["of_ceiling"])
        pages[name], ceiling_run = runs[len(runs) // 2]
        ceilings.append(ceiling_run)
    return pages, ceilings, skipped


def load(base: str, path: str) -> dict:
    measure(base, [path], 1, CONNECTIONS)  # warm every worker
    return measure(base, [path], SECONDS, CONNECTIONS).as_dict()


def page_sizes(base: str, html: bytes) -> dict:
    stylesheets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
    css = b"".join(fetch(base + href.decode())[1] for href in stylesheets)
    return {
        "html": len(html),
        "html_gzip": len(gzip.compress(html)),
        "css": len(css),
        "css_gzip": len(gzip.compress(css)),
    }


def total_rate(run: dict) -> float:
    return sum(page["requests_per_second"] for page in run["pages"].values())


def stress(workers: int, env: dict) -> dict:
    log = VAR / "stress.log"
    log.unlink(missing_ok=True)
    with gunicorn("config.wsgi", workers, env, log) as base:
        command, report = django_command("writer", STRESS_SECONDS)
        writer = subprocess.Popen(command, cwd=ROOT, env=env)
        paths = [path for path in STRESS_PAGES if fetch(base + path)[0] == 200]
        readers = measure(base, paths, STRESS_SECONDS, STRESS_CONNECTIONS).as_dict()
        writer.wait()
    server_log = log.read_text(errors="replace")
    return {
        "workers": workers,
        "readers": readers,
        "editor": json.loads(report.read_text()),
        "database_locked": server_log.count("database is locked"),
        "server_errors": server_log.count("Traceback"),
    }


def targets(run: dict, stress_run: dict) -> dict:
    reached = {
        f"{name} ≥ {share:.0%} of the ceiling": run["pages"][name]["of_ceiling"] >= share
        for name, share in TARGETS.items()
    }
    editor = stress_run["editor"]
    failures = stress_run["readers"]["errors"] + len(editor["failures"]) + editor["lost_edits"]
    reached["no errors under load with edits"] = (
        failures + stress_run["database_locked"] + stress_run["server_errors"] == 0
    )
    return reached


def setup_description(env: dict) -> dict:
    return {
        "database": "PostgreSQL" if "DATABASE_URL" in env else "SQLite",
        "cache": "Redis" if env.get("REDIS_URL") else "local memory + shared file",
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
    }


if __name__ == "__main__":
    main()
