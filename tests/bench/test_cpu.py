"""bench/cpu.py: a gunicorn master's and its workers' CPU time, read from /proc."""

import subprocess
import sys
from pathlib import Path

import pytest

from bench.cpu import CLOCK_TICKS_PER_SECOND, server_cpu_seconds


def write_stat(proc, pid, name, parent, utime, stime, cutime=0, cstime=0):
    """A /proc/<pid>/stat line: pid (comm) state ppid, then fields 5-13, then 14-17."""
    fields = ["S", parent, *[0] * 9, utime, stime, cutime, cstime, 20, 0]
    (proc / str(pid)).mkdir()
    (proc / str(pid) / "stat").write_text(f"{pid} ({name}) {' '.join(map(str, fields))}\n")


@pytest.fixture
def proc(tmp_path):
    write_stat(tmp_path, 100, "gunicorn: master", parent=1, utime=50, stime=10, cutime=30, cstime=5)
    write_stat(tmp_path, 101, "gunicorn: worker", parent=100, utime=400, stime=100)
    write_stat(tmp_path, 102, "odd) name (", parent=100, utime=200, stime=20)
    write_stat(tmp_path, 200, "wrk", parent=1, utime=9000, stime=900)
    (tmp_path / "self").mkdir()
    return tmp_path


def test_the_master_and_its_workers_count_with_their_finished_children(proc):
    ticks = (50 + 10 + 30 + 5) + (400 + 100) + (200 + 20)

    assert server_cpu_seconds(100, proc) == pytest.approx(ticks / CLOCK_TICKS_PER_SECOND)


def test_other_processes_do_not_count(proc):
    assert server_cpu_seconds(200, proc) == pytest.approx(9900 / CLOCK_TICKS_PER_SECOND)


def test_it_reads_the_real_proc_as_the_kernel_writes_it():
    """In a process of its own: this one may have live children (a browser) that os.times()
    does not count yet."""
    script = (
        "import os; from bench.cpu import server_cpu_seconds; sum(range(3_000_000)); "
        "spent = os.times(); "
        "print(server_cpu_seconds(os.getpid()), spent.user + spent.system)"
    )
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    read, expected = map(float, run.stdout.split())

    assert read == pytest.approx(expected, abs=0.1)
