"""Report a run's progress: a tqdm bar with rate and ETA on a terminal, plain log lines otherwise."""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

log = logging.getLogger(__name__)

LOG_EVERY_S = 10.0


class Progress:
    """Counts articles done against an optional total."""

    def __init__(self, total: int | None, bar: bool | None = None) -> None:
        self.total, self.done, self.started, self.logged = total, 0, time.monotonic(), time.monotonic()
        use_bar = sys.stderr.isatty() if bar is None else bar
        self.bar: Any = None
        if use_bar:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", smoothing=0.1, file=sys.stderr)

    def advance(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        elif time.monotonic() - self.logged >= LOG_EVERY_S:
            self.logged = time.monotonic()
            log.info("%s", self.line())

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed else 0.0
        if self.total and rate:
            eta = (self.total - self.done) / rate
            return f"{self.done:,}/{self.total:,} articles, {rate:.1f}/s, ETA {eta:.0f} s"
        return f"{self.done:,} articles, {rate:.1f}/s"

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        log.info("done: %s", self.line())
