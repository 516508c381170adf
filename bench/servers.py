"""gunicorn for the benchmark — the site or the ceiling app — on a free port of 127.0.0.1,
with the settings `make serve` uses."""

import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
STARTUP_SECONDS = 60


@contextmanager
def gunicorn(app: str, workers: int, env: dict, log: Path):
    """Serve `app` ("module:callable") until the block ends; yields the base URL."""
    port = free_port()
    command = [str(GUNICORN), app, "--config", "config/gunicorn.py", "--no-control-socket"]
    command += ["--workers", str(workers)]
    command += ["--bind", f"127.0.0.1:{port}"]
    with log.open("ab") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_answering(base_url, server, log)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(base_url: str, server: subprocess.Popen, log: Path):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited; see {log}")
        try:
            urllib.request.urlopen(base_url + "/", timeout=5).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {STARTUP_SECONDS} s; see {log}")


def fetch(url: str) -> tuple[int, bytes]:
    """The status and body of a GET (errors included)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
