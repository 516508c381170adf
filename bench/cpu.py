"""Server CPU time from /proc: what a gunicorn master and its workers have spent, so that a
load run can be charged per request whatever else the machine is doing."""

import os
from pathlib import Path

CLOCK_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def server_cpu_seconds(master: int, proc: Path = Path("/proc")) -> float:
    """CPU seconds (user + system, finished children included) of `master` and of every
    process whose parent it is."""
    stats = _stat_fields(proc)
    family = [fields for pid, fields in stats.items() if pid == master or _parent(fields) == master]
    return sum(map(_cpu_ticks, family)) / CLOCK_TICKS_PER_SECOND


def _stat_fields(proc: Path) -> dict[int, list[str]]:
    """Each process's /proc/<pid>/stat fields after its name (the third field onwards)."""
    stats = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            line = (entry / "stat").read_text()
        except OSError:  # the process has just ended
            continue
        stats[int(entry.name)] = line.rsplit(")", 1)[1].split()
    return stats


def _parent(fields: list[str]) -> int:
    return int(fields[1])  # field 4, ppid


def _cpu_ticks(fields: list[str]) -> int:
    return sum(int(ticks) for ticks in fields[11:15])  # fields 14-17: utime stime cutime cstime
