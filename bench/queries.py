"""Django side of the benchmark: the SQL queries one anonymous request to each page runs in
this process's settings — the product's (so, once a first request has filled the caches, a
page served from them) or bench.cold_settings (nothing cached at all)."""

import json
from pathlib import Path

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def main(urls: dict[str, str], report: str):
    Path(report).write_text(json.dumps({name: queries_of(url) for name, url in urls.items()}))


def queries_of(url: str) -> dict:
    """Counted on a second request, each from a reader with no cookies, as the load's are."""
    Client(HTTP_HOST="127.0.0.1").get(url)
    with CaptureQueriesContext(connection) as queries:
        response = Client(HTTP_HOST="127.0.0.1").get(url)
    return {"status": response.status_code, "queries": len(queries)}
