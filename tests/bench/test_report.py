"""bench/pairs.py and bench/table.py: every figure beside the ceiling, in one table."""

from bench.pairs import shares
from bench.run import CACHED, targets
from bench.table import print_results

CEILING = {
    "requests_per_second": 4000.0,
    "p50_ms": 8.0,
    "p99_ms": 20.0,
    "cpu_ms_per_request": 0.25,
    "errors": 0,
    "tool": "wrk",
}
CACHED_RUN = {
    "requests_per_second": 2600.0,
    "p50_ms": 10.0,
    "p99_ms": 40.0,
    "cpu_ms_per_request": 0.5,
    "errors": 0,
    "queries": 0,
}


def results(database="SQLite", redis=False, cached_share=None):
    cached = CACHED_RUN | {"of_ceiling": shares(CACHED_RUN, CEILING)}
    if cached_share is not None:
        cached["of_ceiling"]["requests_per_second"] = cached_share
    return {
        "setup": {
            "database": database,
            "redis": redis,
            "cache": "Redis" if redis else "local memory + shared file",
            "posts": 2001,
            "workers": 2,
            "cpus": 2,
            "python": "3.11.7",
        },
        "pages": {"ceiling": CEILING | {"of_ceiling": shares(CEILING, CEILING)}, CACHED: cached},
        "skipped": {"author": "/authors/x/ answered 404"},
        "post_page_bytes": {"html": 22931, "html_gzip": 6619, "css": 23817, "css_gzip": 5471},
        "stress": {
            "workers": 2,
            "readers": {"requests": 650, "requests_per_second": 128.0, "p99_ms": 900, "errors": 0},
            "editor": {"saves": 4, "failures": [], "lost_edits": 0},
            "database_locked": 0,
            "server_errors": 0,
        },
    }


def test_shares_are_higher_the_closer_a_page_comes_to_the_ceiling():
    assert shares(CACHED_RUN, CEILING) == {
        "requests_per_second": 0.65,
        "p50_ms": 0.8,
        "p99_ms": 0.5,
        "cpu_ms_per_request": 0.5,
    }


def test_a_run_with_no_request_served_has_no_share():
    idle = CACHED_RUN | {"requests_per_second": 0.0, "cpu_ms_per_request": None}

    assert shares(idle, CEILING)["requests_per_second"] == 0.0
    assert shares(idle, CEILING)["cpu_ms_per_request"] is None


def test_one_table_gives_each_figure_and_its_share_of_the_ceiling(capsys):
    report = results()
    report["targets"] = targets(report)

    print_results(report)

    lines = capsys.readouterr().out.splitlines()
    assert "SQLite, cache: local memory + shared file, 2,001 posts" in lines[1]
    assert lines[1].endswith("load: wrk")
    heading = "page req/s % p50 ms % p99 ms % CPU ms/req % SQL errors"
    assert lines[3].split() == heading.split()
    ceiling = "ceiling (bare WSGI) 4,000 100% 8.0 100% 20.0 100% 0.250 100% — 0"
    assert lines[4].split() == ceiling.split()
    cached = f"{CACHED} 2,600 65% 10.0 80% 40.0 50% 0.500 50% 0 0"
    assert cached.split() in [line.split() for line in lines]
    assert "  author skipped: /authors/x/ answered 404" in lines
    assert "  met      post (cached) ≥ 60% of the ceiling's req/s" in lines


def test_the_cached_post_page_target_is_60_percent_on_sqlite_and_50_with_services():
    assert not targets(results(cached_share=0.59))["post (cached) ≥ 60% of the ceiling's req/s"]
    with_services = targets(results("PostgreSQL", redis=True, cached_share=0.55))

    assert with_services["post (cached) ≥ 50% of the ceiling's req/s"]
    assert with_services["no errors under load with edits"]
