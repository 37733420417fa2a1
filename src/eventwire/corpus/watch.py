"""Watching feeds: poll them, code each new item, and store articles and failures (``eventwire watch``)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from eventwire.corpus.lifecycle import RunSession
from eventwire.corpus.work import WorkOptions
from eventwire.ingest.source import CommittedSource, Source
from eventwire.knowledge.settings import BUNDLED, CoderSettings
from eventwire.records import ArticleText, CodedArticle, SourceFailure

log = logging.getLogger(__name__)

Coded = tuple[ArticleText, CodedArticle]
CodeStep = Callable[[Sequence[ArticleText]], tuple[list[Coded], list[SourceFailure]]]


class Sink(Protocol):
    """Where a poll's results go; returns how many articles were newly written."""

    def write(self, coded: Sequence[Coded], failures: Sequence[SourceFailure]) -> int: ...


@dataclass(frozen=True)
class PollCounts:
    """What one poll over all feeds did."""

    articles: int
    written: int
    failures: int


class StoreSink:
    """The SQLite store as a sink: one recorded run per watch, one transaction per poll, clusters refreshed
    after each poll that wrote something (the run lifecycle of ``corpus.lifecycle``)."""

    def __init__(self, db: str | Path, options: dict[str, Any], settings: CoderSettings = BUNDLED) -> None:
        from eventwire.corpus.versions import current_versions
        from eventwire.store.connect import open_store

        self.conn = open_store(db)
        self.session = RunSession(self.conn, options, current_versions(settings))

    def write(self, coded: Sequence[Coded], failures: Sequence[SourceFailure]) -> int:
        written = self.session.write(coded, failures)
        self.session.refresh()  # docs/dedup.md; nothing to do when nothing is new
        self.session.counts["articles"] += len(coded)
        return written

    def close(self) -> None:
        self.session.finish()
        self.conn.close()


def make_code_step(options: WorkOptions | None = None) -> CodeStep:
    """Code articles in this process with the run's worker code (model loaded once, per-article time limit)."""
    from eventwire.corpus.work import code_chunk

    options = options or WorkOptions()

    def code(items: Sequence[ArticleText]) -> tuple[list[Coded], list[SourceFailure]]:
        if not items:
            return [], []
        outcomes = code_chunk(items, options).outcomes
        coded = [(item, o.coded) for item, o in zip(items, outcomes, strict=True) if o.coded is not None]
        failed = [SourceFailure(item.where, o.failure or "not coded")
                  for item, o in zip(items, outcomes, strict=True) if o.coded is None]
        return coded, failed

    return code


def poll_once(sources: Sequence[Source], code: CodeStep, sink: Sink) -> PollCounts:
    """Read every source once, code what is new, and hand it to the sink in one batch; only then do the feeds
    remember the items (``CommittedSource.commit``), so a poll killed or failing before that loses nothing."""
    articles: list[ArticleText] = []
    failures: list[SourceFailure] = []
    for source in sources:
        for item in source.read():
            if isinstance(item, ArticleText):
                articles.append(item)
            else:
                failures.append(item)
    coded, not_coded = code(articles)
    failures += not_coded
    for failure in failures:
        log.info("failure at %s: %s", failure.location, failure.reason)
    written = sink.write(coded, failures)
    for source in sources:
        if isinstance(source, CommittedSource):
            source.commit()
    return PollCounts(articles=len(articles), written=written, failures=len(failures))


def watch_feeds(sources: Sequence[Source], code: CodeStep, sink: Sink, interval: float, once: bool = False,
                sleep: Callable[[float], None] = time.sleep, report: Callable[[PollCounts], None] | None = None,
                ) -> list[PollCounts]:
    """Poll until interrupted (or once); each poll's counts go to ``report``. A poll that raises (the store
    locked, the coder broken) is logged and the next one tries its items again; with ``once`` it raises."""
    polls: list[PollCounts] = []
    while True:
        started = time.monotonic()
        try:
            counts = poll_once(sources, code, sink)
        except Exception:
            if once:
                raise
            log.exception("poll failed; its items are read again at the next poll")
        else:
            polls.append(counts)
            if report:
                report(counts)
        if once:
            return polls
        sleep(max(0.0, interval - (time.monotonic() - started)))
