"""``eventwire watch --once`` in a child process, for the kill -9 test: coding writes a marker file, then hangs.

Run as ``python -m tests.cli.watch_child MARKER WATCH-ARGS...``; the stand-in for the model is the command's
own ``code`` seam, so what is killed is the real command, its store and its feed state file."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from eventwire.cli.watch import run_watch
from eventwire.ingest.http import HttpSettings, UrllibClient
from tests.cli.test_watch import parse


def main(marker: str, argv: list[str]) -> int:
    def hang(items: list[object]) -> tuple[list[object], list[object]]:
        written = Path(marker + ".part")  # renamed whole: the parent never reads a marker not yet written
        written.write_text(str(len(items)), encoding="utf-8")
        written.rename(marker)
        time.sleep(600)
        raise SystemExit("never killed")

    client = UrllibClient(HttpSettings(timeout=5.0, use_env_proxies=False))
    return run_watch(parse(argv), client=client, code=hang)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
