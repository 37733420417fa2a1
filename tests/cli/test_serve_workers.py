"""`serve --workers 2`: every option of the command holds in each real uvicorn worker process.

The bug this guards: the workers rebuilt their settings from the environment only, so with
``EVENTWIRE_API_KEY=k serve --workers 2 --protect-reads --max-limit 10`` reads needed no key and
limit=100 was accepted.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.corpus.versions import current_versions
from eventwire.store.connect import open_store
from eventwire.store.write import start_run, write_batch
from tests.store.sample import sample_article

KEY = "k"
START_S = 90  # two worker processes importing the app on a busy machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One request on a fresh connection (so the requests spread over the workers)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def workers(pid: int) -> list[int]:
    """The worker processes uvicorn spawned under ``pid`` (Linux /proc; not multiprocessing's resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat, cmdline = (entry / "stat").read_text(), (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in cmdline:
                found.append(int(entry.name))
    return found


@pytest.fixture()
def served(tmp_path):
    if not Path("/proc/self/stat").is_file():
        pytest.skip("needs Linux /proc to count the worker processes")
    db = tmp_path / "store.db"
    conn = open_store(db)
    versions = current_versions()
    write_batch(conn, start_run(conn, {}, versions), [sample_article("a1")], [], versions)
    conn.close()
    port = free_port()
    env = {**os.environ, "EVENTWIRE_API_KEY": KEY}
    env.pop("EVENTWIRE_PROTECT_READS", None)
    command = [sys.executable, "-m", "eventwire.cli.serve", "serve", "--db", str(db), "--port", str(port),
               "--workers", "2", "--protect-reads", "--max-limit", "10", "--allowed-host", "events.example.org"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + START_S
        while True:
            if server.poll() is not None:
                pytest.fail(f"serve exited {server.returncode}: {server.stderr.read().decode()[-2000:]}")
            try:
                if get(port, "/api/health")[0] == 200 and len(workers(server.pid)) >= 2:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"serve did not answer on port {port} within {START_S} s")
            time.sleep(0.2)
        yield server, port
    finally:
        server.send_signal(signal.SIGINT)  # uvicorn stops its workers, then itself
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        server.stderr.close()


@pytest.mark.slow
def test_every_option_holds_in_each_worker(served):
    server, port = served
    assert len(workers(server.pid)) == 2  # two real uvicorn worker processes
    for _ in range(24):  # fresh connections: both workers answer some of them
        status, headers, body = get(port, "/api/events")
        assert status == 401, body  # --protect-reads: no key, no read
        assert json.loads(body)["error"]["status"] == 401
        assert headers["x-frame-options"] == "DENY" and headers["cache-control"] == "no-store"
        status, _, body = get(port, "/api/events?limit=100", {"X-API-Key": KEY})
        assert status == 422 and "over the maximum of 10" in json.loads(body)["error"]["message"]
        status, _, body = get(port, "/api/events?limit=10", {"X-API-Key": KEY})
        assert status == 200 and json.loads(body)["limit"] == 10
        assert get(port, "/api/events", {"X-API-Key": "wrong"})[0] == 403
        assert get(port, "/api/health", {"Host": "evil.example"})[0] == 421  # the Host check too
        assert get(port, "/api/events", {"Host": "events.example.org", "X-API-Key": KEY})[0] == 200
        assert get(port, "/api/events", {"Host": f"localhost:{port}", "X-API-Key": KEY})[0] == 200
