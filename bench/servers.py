"""gunicorn for the benchmark — the site, the floor or the ceiling app — on a free port of
127.0.0.1, with the settings `make serve` uses."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.cpu import server_cpu_seconds

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
STARTUP_SECONDS = 60
IDLE_CPU_SECONDS = 0.02  # at most this much CPU time in a quarter of a second: idle


@dataclass(frozen=True)
class Server:
    url: str
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time the master and its workers have spent so far."""
        return server_cpu_seconds(self.pid)

    def wait_until_idle(self, timeout: float = STARTUP_SECONDS):
        """Until the server has finished the requests a load generator left queued behind it
        (or `timeout` seconds have passed)."""
        deadline = time.monotonic() + timeout
        used = self.cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(0.25)
            used, before = self.cpu_seconds(), used
            if used - before < IDLE_CPU_SECONDS:
                return


@contextmanager
def gunicorn(app: str, workers: int, env: dict, log: Path):
    """Serve `app` ("module:callable") until the block ends; yields its `Server`."""
    port = free_port()
    command = [str(GUNICORN), app, "--config", "config/gunicorn.py", "--no-control-socket"]
    command += ["--workers", str(workers)]
    command += ["--bind", f"127.0.0.1:{port}"]
    with running(command, port, log, cwd=ROOT, env=env) as server:
        yield server


@contextmanager
def running(command: list, port: int, log: Path, **popen):
    """Run the server `command` listening on `port`, its output in `log`, until the block
    ends; yields its `Server` once it answers."""
    with log.open("ab") as output:
        process = subprocess.Popen(command, stdout=output, stderr=output, **popen)
    try:
        server = Server(f"http://127.0.0.1:{port}", process.pid)
        wait_until_answering(server.url, process, log)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(base_url: str, process: subprocess.Popen, log: Path):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited; see {log}")
        try:
            urllib.request.urlopen(base_url + "/", timeout=5).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {STARTUP_SECONDS} s; see {log}")


def fetch(url: str) -> tuple[int, bytes]:
    """The status and body of a GET (errors included)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
