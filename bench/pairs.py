"""Each page loaded right after a run of the ceiling, ROUNDS times over, so that both see the
same machine; the round with the median share of the ceiling counts, so that a moment of
noise on a shared machine does not."""

import os

from bench.load import measure
from bench.servers import Server

SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
COSTS = ("p50_ms", "p99_ms", "cpu_ms_per_request")


def paired_runs(pages: dict[str, tuple[Server, str]], ceiling: Server, path: str) -> dict:
    """{"ceiling": its median run, name: the page's median run, with its shares}."""
    rounds = {name: [] for name in pages}
    for _ in range(ROUNDS):
        for name, (server, page_path) in pages.items():
            ceiling_run = load(ceiling, path)
            page = load(server, page_path)
            rounds[name].append((page | {"of_ceiling": shares(page, ceiling_run)}, ceiling_run))
    chosen = {name: median(runs, share_of_rate) for name, runs in rounds.items()}
    ceiling_runs = [ceiling_run for _page, ceiling_run in chosen.values()]
    best_ceiling = median(ceiling_runs, lambda run: run["requests_per_second"])
    return {
        "ceiling": best_ceiling | {"of_ceiling": shares(best_ceiling, best_ceiling)},
        **{name: page for name, (page, _ceiling_run) in chosen.items()},
    }


def load(server: Server, path: str) -> dict:
    """One load run (after a second that warms every worker), with the server's CPU time
    per request served. It starts on an idle server and leaves it idle: the requests a run
    leaves queued (one per connection at most) are neither counted nor charged to the next."""
    measure(server.url, [path], 1, CONNECTIONS)
    server.wait_until_idle()
    cpu_before = server.cpu_seconds()
    run = measure(server.url, [path], SECONDS, CONNECTIONS)
    cpu_ms = (server.cpu_seconds() - cpu_before) * 1000
    server.wait_until_idle()
    return run.as_dict() | {"cpu_ms_per_request": ratio(cpu_ms, run.requests)}


def shares(page: dict, ceiling: dict) -> dict:
    """Each figure as a share of the ceiling's, higher being better: requests per second
    over the ceiling's; for latencies and CPU per request, the ceiling's over the page's."""
    rate = ratio(page["requests_per_second"], ceiling["requests_per_second"])
    costs = {cost: ratio(ceiling[cost], page[cost]) for cost in COSTS}
    return {"requests_per_second": rate} | costs


def ratio(part, whole) -> float | None:
    return round(part / whole, 3) if part is not None and whole else None


def share_of_rate(pair: tuple[dict, dict]) -> float:
    return pair[0]["of_ceiling"]["requests_per_second"] or 0.0


def median(items: list, key):
    return sorted(items, key=key)[len(items) // 2]
