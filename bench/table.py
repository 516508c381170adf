"""The benchmark's printed report (the same figures are in var/bench/results.json)."""


def print_results(results: dict):
    setup = results["setup"]
    print(
        f"\nColumnist benchmark — {setup['database']}, cache: {setup['cache']}, "
        f"{setup['posts']:,} posts, {setup['cpus']} CPUs, Python {setup['python']}"
    )
    for workers, run in results["runs"].items():
        print_run(workers, run, best=workers == results["best_workers"])
    print_rendered(results["rendered"])
    print_page_bytes(results["runs"][results["best_workers"]]["post_page_bytes"])
    print_stress(results["stress"])
    print("\nTargets:")
    for target, reached in results["targets"].items():
        print(f"  {'met    ' if reached else 'NOT MET'}  {target}")


def print_run(workers, run: dict, best: bool):
    ceiling = run["ceiling"]
    print(f"\n{workers} gunicorn workers{'  (better)' if best else ''} — load: {ceiling['tool']}")
    print(f"  {'page':<20}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'of ceiling':>12}")
    print_row("ceiling (bare WSGI)", ceiling, "100%")
    for name, page in run["pages"].items():
        print_row(name, page, f"{page['of_ceiling']:.0%}")
    for name, reason in run["skipped"].items():
        print(f"  {name:<20} skipped: {reason}")


def print_row(name: str, page: dict, share: str):
    print(
        f"  {name:<20}{page['requests_per_second']:>9.0f}{page['p50_ms']:>9.1f}"
        f"{page['p99_ms']:>9.1f}{page['errors']:>8}{share:>12}"
    )


def print_rendered(rendered: dict):
    print("\nRendered without the page cache (Django test client, median of 5):")
    print(f"  {'':<22}{'from nothing':>17}{'fragments cached':>20}")
    print(f"  {'page':<22}{'ms':>8}{'queries':>9}{'ms':>11}{'queries':>9}  url")
    for name, page in rendered.items():
        cold, warm = page["cold"], page["warm"]
        status = "" if page["status"] == 200 else f"  (status {page['status']})"
        print(
            f"  {name:<22}{cold['median_ms']:>8.1f}{cold['queries']:>9}"
            f"{warm['median_ms']:>11.1f}{warm['queries']:>9}  {page['url']}{status}"
        )


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
