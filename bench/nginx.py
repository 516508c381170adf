"""nginx for `make bench`: the shipped server block (deploy/nginx-edition.conf) serving the
static edition from var/bench/edition/ on a free port of 127.0.0.1, in the foreground, with
BENCH_WORKERS worker processes and every path it writes under var/bench/nginx/."""

import getpass
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from bench.servers import ROOT, free_port, running

SERVER_BLOCK = ROOT / "deploy" / "nginx-edition.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def configuration(root: Path, port: int, workers: int, state: Path) -> str:
    server = SERVER_BLOCK.read_text()
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /srv/columnist/edition;", f"root {root};")
    temp = "\n".join(
        f"    {kind}_temp_path {state / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # Run by root, nginx's workers would become "nobody", who may not read the edition.
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    return f"""{user}daemon off;
worker_processes {workers};
pid {state / "nginx.pid"};
error_log {state / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
{temp}
{server}
}}
"""


@contextmanager
def nginx(root: Path, workers: int, state: Path):
    """Serve `root` until the block ends; yields its `Server`."""
    state.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = state / "nginx.conf"
    config.write_text(configuration(root.resolve(), port, workers, state.resolve()))
    log = state / "error.log"
    command = [nginx_binary(), "-c", str(config), "-p", str(state), "-e", str(log)]
    with running(command, port, log) as server:
        yield server
