"""The benchmark's printed report: one table, every page beside the ceiling (the same
figures are in var/bench/results.json)."""

METRICS = (  # (results key, heading, digits)
    ("requests_per_second", "req/s", 0),
    ("p50_ms", "p50 ms", 1),
    ("p99_ms", "p99 ms", 1),
    ("cpu_ms_per_request", "CPU ms/req", 3),
)
NAME_WIDTH, VALUE_WIDTH, SHARE_WIDTH = 24, 11, 6


def print_results(results: dict):
    print(f"\n{headline(results)}\n")
    print("\n".join(table_lines(results["pages"])))
    for name, reason in results["skipped"].items():
        print(f"  {name} skipped: {reason}")
    print(
        "  %: share of the ceiling, higher is better (req/s over the ceiling's; latency and "
        "CPU, the ceiling's over the page's).\n"
        "  SQL: queries one request runs (on a cache hit for cached pages)."
    )
    print_page_bytes(results["post_page_bytes"])
    print_stress(results["stress"])
    print("\nTargets:")
    for target, reached in results["targets"].items():
        print(f"  {'met    ' if reached else 'NOT MET'}  {target}")


def headline(results: dict) -> str:
    setup, ceiling = results["setup"], results["pages"]["ceiling"]
    return (
        f"Columnist benchmark — {setup['database']}, cache: {setup['cache']}, "
        f"{setup['posts']:,} posts, {setup['workers']} gunicorn workers, {setup['cpus']} CPUs, "
        f"Python {setup['python']}, load: {ceiling['tool']}"
    )


def table_lines(pages: dict) -> list[str]:
    heading = "".join(f"{title:>{VALUE_WIDTH}}{'%':>{SHARE_WIDTH}}" for _key, title, _ in METRICS)
    lines = [f"  {'page':<{NAME_WIDTH}}{heading}{'SQL':>5}{'errors':>8}"]
    for name, page in pages.items():
        label = "ceiling (bare WSGI)" if name == "ceiling" else name
        lines.append(f"  {label:<{NAME_WIDTH}}{metric_cells(page)}{queries_cell(page)}")
    return lines


def metric_cells(page: dict) -> str:
    cells = []
    for key, _title, digits in METRICS:
        value, share = page[key], page["of_ceiling"][key]
        cells.append(f"{number(value, digits):>{VALUE_WIDTH}}{percent(share):>{SHARE_WIDTH}}")
    return "".join(cells)


def queries_cell(page: dict) -> str:
    return f"{number(page.get('queries'), 0):>5}{page['errors']:>8}"


def number(value, digits: int) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def percent(share) -> str:
    """A share of the ceiling; from twice the ceiling on, a multiple of it."""
    if share is None:
        return "—"
    return f"{share:.1f}×" if share >= 2 else f"{share:.0%}"


def print_page_bytes(sizes: dict):
    print(
        f"\nPost page: HTML {sizes['html']:,} bytes ({sizes['html_gzip']:,} gzipped), "
        f"CSS {sizes['css']:,} bytes ({sizes['css_gzip']:,} gzipped)"
    )


def print_stress(stress: dict):
    readers, editor = stress["readers"], stress["editor"]
    print(
        f"\nUnder load ({stress['workers']} workers, 64 connections): "
        f"{readers['requests']:,} requests, {readers['requests_per_second']:.0f} req/s, "
        f"p99 {readers['p99_ms']:.0f} ms, {readers['errors']} errors; "
        f"{editor['saves']} posts saved, {len(editor['failures'])} failed saves, "
        f"{editor['lost_edits']} lost edits, {stress['database_locked']} 'database is locked', "
        f"{stress['server_errors']} server errors"
    )
