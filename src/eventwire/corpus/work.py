"""What a worker does: code a chunk of articles with its one Coder, turning every failure into a reason."""

from __future__ import annotations

import functools
import logging
import resource
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from eventwire.knowledge.settings import CoderSettings
from eventwire.nlp.budget import CodingTimeout
from eventwire.records import ArticleText, CodedArticle

log = logging.getLogger(__name__)

# The coder keeps each article's time budget itself (eventwire.nlp.budget: checked between stages and in long loops,
# in any thread). Where signals work (a worker process's main thread) an alarm at BACKSTOP times the budget
# also stops a step that overran it inside code that never checks (spaCy's own).
BACKSTOP = 2.0


@dataclass(frozen=True)
class WorkOptions:
    """How a worker codes: the coder's settings (dictionaries, batch size, longest text accepted) and the
    per-article time limit in seconds. Picklable: it is what a worker process is sent."""

    settings: CoderSettings = CoderSettings()
    timeout_s: float | None = 120.0

    @property
    def batch_size(self) -> int:
        return self.settings.batch_size

    @property
    def max_chars(self) -> int:
        return self.settings.max_chars


@dataclass(frozen=True)
class Outcome:
    """One article's result: a record (possibly empty, with warnings), or a failure reason, never both None."""

    coded: CodedArticle | None
    failure: str | None = None


@dataclass(frozen=True)
class ChunkResult:
    outcomes: tuple[Outcome, ...]
    peak_rss_mb: float
    pid: int


@functools.lru_cache(maxsize=2)
def worker_coder(settings: CoderSettings) -> Any:
    """The Coder of this process for these settings: built once, so each worker loads the model once."""
    from eventwire.pipeline import Coder

    return Coder(settings)


def warm_worker(options: WorkOptions, parent_pid: int | None = None) -> None:
    """Process-pool initializer: watch the parent (``parent_pid``), then load the model before the first chunk."""
    if parent_pid is not None:
        exit_with_parent(parent_pid)
    worker_coder(options.settings)


def exit_with_parent(parent_pid: int, every_s: float = 0.5) -> threading.Thread:
    """End this worker process soon after its parent is gone (killed with SIGKILL, say), even mid-article:
    its results could no longer be stored, and an orphaned worker would hold its memory for nothing."""
    import os
    import time

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(every_s)
        log.warning("parent process %d is gone; worker %d exits", parent_pid, os.getpid())
        os._exit(70)

    thread = threading.Thread(target=watch, name="exit-with-parent", daemon=True)
    thread.start()
    return thread


def code_chunk(items: Sequence[ArticleText], options: WorkOptions) -> ChunkResult:
    """Code ``items`` in one ``nlp.pipe`` batch; if that fails (or the backstop alarm rings), code them one by one.

    The coder's guard refuses input it cannot code (binary, over ``max_chars``) without stopping the batch, and
    an article past its time budget does not stop it either: ``code_or_reject`` gives the refusal or the
    ``CodingTimeout`` in that article's place, and it becomes the article's failure. The budget holds in any
    thread (a Dask worker's task thread too); the alarm only where signals work."""
    import os

    if not items:  # a chunk whose articles were all coded before: nothing to load the model for
        return ChunkResult((), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, os.getpid())
    coder = worker_coder(options.settings)
    try:
        with backstop(options.timeout_s, len(items)):
            results = coder.code_or_reject(items, options.timeout_s)
            outcomes = [_outcome(result) for _, result in zip(items, results, strict=True)]
    except Exception as err:  # one bad article must not lose the batch: isolate it
        log.info("batch failed (%s); coding its articles one by one", err)
        outcomes = [code_one(coder, item, options.timeout_s) for item in items]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return ChunkResult(tuple(outcomes), peak, os.getpid())


def code_one(coder: Any, item: ArticleText, timeout_s: float | None) -> Outcome:
    try:
        with backstop(timeout_s):
            return _outcome(next(coder.code_or_reject([item], timeout_s)))
    except CodingTimeout as timeout:
        return Outcome(None, str(timeout))
    except Exception as err:
        return Outcome(None, f"exception while coding: {type(err).__name__}: {err}")


def _outcome(result: CodedArticle | Exception) -> Outcome:
    """A record, or what the coder gave in its place (``InputRejected``, ``CodingTimeout``: the message is the
    reason)."""
    return Outcome(None, str(result)) if isinstance(result, Exception) else Outcome(result)


@contextmanager
def backstop(timeout_s: float | None, articles: int = 1) -> Iterator[None]:
    """The backstop of the coder's own budget (``eventwire.nlp.budget``) for ``articles`` articles of
    ``timeout_s`` seconds each: ``CodingTimeout`` from an alarm at BACKSTOP times their budget. Only where signals
    work (a process's main thread); nothing for None."""
    if not timeout_s or threading.current_thread() is not threading.main_thread():
        yield
        return
    seconds = BACKSTOP * timeout_s * articles

    def expire(signum: int, frame: object) -> None:
        raise CodingTimeout(timeout_s * articles)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
