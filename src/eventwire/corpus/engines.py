"""Where chunks are coded: in this process, a local process pool, or a Dask cluster; results come back in order."""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from eventwire.corpus.work import ChunkResult, WorkOptions, code_chunk, warm_worker
from eventwire.records import ArticleText

log = logging.getLogger(__name__)

Chunk = Sequence[ArticleText]


class Engine(Protocol):
    def map(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]: ...

    def close(self) -> None: ...


class SerialEngine:
    """Code in this process: the reference every other engine must equal."""

    def __init__(self, options: WorkOptions) -> None:
        self.options = options

    def map(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]:
        for chunk in chunks:
            yield code_chunk(chunk, self.options)

    def close(self) -> None:
        pass


def ordered(submit: Any, chunks: Iterable[Chunk], in_flight: int) -> Iterator[ChunkResult]:
    """Submit ahead up to ``in_flight`` chunks and yield results in submission order."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class ProcessEngine:
    """Local worker processes, each with one Coder (loaded by the pool's initializer)."""

    def __init__(self, options: WorkOptions, workers: int) -> None:
        self.options, self.workers = options, workers
        # spawn: workers start clean (no copied locks or threads), so each one's memory is its own.
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=warm_worker, initargs=(options, os.getpid()))

    def map(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]:
        def submit(chunk: Chunk) -> Future[ChunkResult]:
            return self.pool.submit(code_chunk, list(chunk), self.options)

        return ordered(submit, chunks, 2 * self.workers)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskEngine:
    """A Dask distributed cluster: the scheduler at ``address``, or a LocalCluster of ``workers`` processes."""

    def __init__(self, options: WorkOptions, workers: int, address: str | None) -> None:
        from dask.distributed import Client, LocalCluster

        self.options, self.cluster = options, None
        if address:
            self.client = Client(address)
        else:
            # ":0": any free port for the scheduler's HTTP routes. With None they still try 8787, and a second
            # cluster on the machine (another run, a test) gets a port-in-use warning.
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=":0")
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        log.info("dask cluster with %d workers at %s", self.workers, self.client.scheduler.address)

    def map(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]:
        def submit(chunk: Chunk) -> Any:
            return self.client.submit(code_chunk, list(chunk), self.options, pure=False)

        return ordered(submit, chunks, 2 * self.workers)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(options: WorkOptions, engine: str = "local", workers: int = 1, scheduler: str | None = None) -> Engine:
    """Dask when asked for by name or scheduler address; else local processes, or this process for one worker."""
    if engine == "dask" or scheduler:
        return DaskEngine(options, workers, scheduler)
    if workers <= 1:
        return SerialEngine(options)
    return ProcessEngine(options, workers)
