"""The per-article time budget: a deadline the coder checks between its steps and inside its long loops.

``deadline(seconds)`` opens a budget for the code inside it; ``check()``, called by the coder between stages and in
its loops, raises ``CodingTimeout`` once the budget is spent. The deadline lives in a context variable, so it holds
in whatever thread codes the article (a Dask worker's task thread, the API's thread pool), where ``SIGALRM``
cannot reach; the alarm of ``corpus.work.backstop`` stays behind it in the main threads of processes.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

DEFAULT_TIMEOUT_S = 120.0  # seconds per article: the default --timeout of `code`, `run` and `watch`
SERVE_TIMEOUT_S = 30.0  # the default --timeout of `serve`: a client waits for POST /api/code


class CodingTimeout(Exception):
    """Coding an article took longer than its time budget; the message is the failure reason to record."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"timeout: coding took over {seconds:g} s")
        self.seconds = seconds


# (monotonic end, the budget's seconds) of the innermost budget, or None: no limit.
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("eventwire_deadline", default=None)


@contextmanager
def deadline(seconds: float | None, spent: float = 0.0) -> Iterator[None]:
    """Within the block ``check()`` raises once ``seconds`` less the ``spent`` ones have passed (None: no limit of
    its own). A budget opened inside another ends no later than the outer one: an article never outlives its
    batch."""
    if seconds is None:
        yield
        return
    end = time.monotonic() + seconds - spent
    outer = _DEADLINE.get()
    token = _DEADLINE.set(outer if outer is not None and outer[0] <= end else (end, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise ``CodingTimeout`` when the current budget is spent; nothing without one."""
    current = _DEADLINE.get()
    if current is not None and time.monotonic() > current[0]:
        raise CodingTimeout(current[1])

