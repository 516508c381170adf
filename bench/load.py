"""Load generators: wrk when it is installed, else a small asyncio one. Both answer with a
`Measurement`."""

import asyncio
import json
import os
import shutil
import statistics
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPORT_SCRIPT = Path(__file__).with_name("report.lua")
TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class Measurement:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    tool: str

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "requests_per_second": round(self.per_second, 1)}


def measure(base_url: str, paths: list[str], seconds: int, connections: int) -> Measurement:
    """Load `paths` (in turn) on `base_url` with `connections` connections for `seconds`."""
    if shutil.which("wrk"):
        return _wrk(base_url, paths, seconds, connections)
    return asyncio.run(_python_load(base_url, paths, seconds, connections))


def _wrk(base_url, paths, seconds, connections) -> Measurement:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s"]
    command += ["--timeout", f"{TIMEOUT_SECONDS}s", "-s", str(REPORT_SCRIPT), base_url + paths[0]]
    env = {**os.environ, "BENCH_PATHS": " ".join(paths)}
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    summary = json.loads(output.strip().splitlines()[-1])
    errors = sum(summary[kind] for kind in ("connect", "read", "write", "status", "timeout"))
    return Measurement(
        requests=summary["requests"],
        seconds=summary["duration_us"] / 1e6,
        p50_ms=summary["p50_us"] / 1000,
        p99_ms=summary["p99_us"] / 1000,
        errors=errors,
        tool="wrk",
    )


async def _python_load(base_url, paths, seconds, connections) -> Measurement:
    address = urlsplit(base_url)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    latencies, failures = [], []

    async def client(offset):
        turn = offset
        while loop.time() < deadline:
            path, turn = paths[turn % len(paths)], turn + 1
            started = loop.time()
            try:
                status = await _get(address.hostname, address.port, path)
            except (OSError, TimeoutError, ValueError):
                status = None
            latencies.append(loop.time() - started)
            if status is None or status >= 400:
                failures.append(path)

    started = loop.time()
    await asyncio.gather(*(client(offset) for offset in range(connections)))
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return Measurement(
        requests=len(latencies),
        seconds=loop.time() - started,
        p50_ms=cuts[49] * 1000,
        p99_ms=cuts[98] * 1000,
        errors=len(failures),
        tool="python",
    )


async def _get(host, port, path) -> int:
    """One GET on a fresh connection; the response's status code."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), TIMEOUT_SECONDS)
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    writer.write(request.encode())
    response = await asyncio.wait_for(reader.read(), TIMEOUT_SECONDS)
    writer.close()
    return int(response.split(b" ", 2)[1])
