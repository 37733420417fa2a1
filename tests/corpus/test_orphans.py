"""Worker processes end with the run that started them, even when it is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_watch_thread_ends_the_process_when_the_parent_changes():
    # A child that watches a parent pid it does not have: it must exit at once with status 70.
    code = ("import time; from eventwire.corpus.work import exit_with_parent; "
            "exit_with_parent(1 if __import__('os').getppid() != 1 else 2, every_s=0.05); time.sleep(30)")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], timeout=20)
    assert done.returncode == 70 and time.monotonic() - started < 15


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
@pytest.mark.slow
def test_kill_9_of_a_two_worker_run_leaves_no_worker_behind(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(60):
        (corpus / f"{n:03}.txt").write_text("Russia accused Armenia of violating the ceasefire. " * 40)
    run = subprocess.Popen([sys.executable, "-m", "eventwire.cli.main", "run", str(corpus), "--db",
                            str(tmp_path / "s.db"), "--workers", "2", "--batch-size", "1", "--no-progress"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline and run.poll() is None:
        workers = {p for p in children_of(run.pid)
                   if b"spawn_main" in (Path("/proc") / str(p) / "cmdline").read_bytes()}
        time.sleep(0.2)
    assert len(workers) >= 2, "the run did not start its workers"
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=10)
    deadline = time.monotonic() + 30
    while any(alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in workers if alive(p)]
