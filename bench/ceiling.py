"""The ceiling: a bare WSGI app that answers every request with the post page's exact bytes.

Served by the same gunicorn settings as the site, it measures what the server, the network
stack and the load generator alone allow. BENCH_BODY names the file with the bytes.
"""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_BODY"]).read_bytes()
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
