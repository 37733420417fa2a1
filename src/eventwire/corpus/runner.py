"""Code a corpus into the store: read sources, skip what is coded, code in chunks, write each chunk atomically."""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.corpus.engines import make_engine
from eventwire.corpus.lifecycle import RunSession
from eventwire.corpus.progress import Progress
from eventwire.corpus.versions import current_versions
from eventwire.corpus.work import ChunkResult, WorkOptions
from eventwire.ingest.source import Source
from eventwire.records import ArticleText, CodedArticle, SourceFailure, content_hash
from eventwire.store.connect import open_store
from eventwire.store.write import Versions, coded_versions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunOptions:
    """One run's settings (the command line's options)."""

    db: Path
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    work: WorkOptions = WorkOptions()
    recode: bool = False
    recode_stale: bool = False
    limit: int | None = None
    progress: bool | None = None  # None: a bar on a terminal
    clusters: bool = True  # refresh the stored article and event clusters at the end (docs/dedup.md)


@dataclass(frozen=True)
class Plan:
    """A chunk to code, and the source failures read before it (written in the same transaction)."""

    articles: tuple[ArticleText, ...]
    failures: tuple[SourceFailure, ...] = ()
    read: int = 0  # articles read for this chunk, those skipped included (for progress)


@dataclass
class Planner:
    """Decides, article by article, what to code: new content, or stale/all content when asked to recode."""

    known: dict[str, Versions]
    versions: Versions
    options: RunOptions
    counts: Counter[str] = field(default_factory=Counter)

    def wanted(self, item: ArticleText, seen: set[str]) -> bool:
        key = content_hash(item.text)
        if key in seen:
            self.counts["duplicates"] += 1
            return False
        seen.add(key)
        stored = self.known.get(key)
        if stored is None or self.options.recode or (self.options.recode_stale and stored != self.versions):
            return True
        self.counts["skipped"] += 1
        return False

    def plans(self, sources: Sequence[Source]) -> Iterator[Plan]:
        size = self.options.work.batch_size
        batch: list[ArticleText] = []
        failures: list[SourceFailure] = []
        seen: set[str] = set()
        read = 0
        for item in _limited(sources, self.options.limit):
            if isinstance(item, SourceFailure):
                failures.append(item)
                self.counts["source_failures"] += 1
                continue
            self.counts["read"] += 1
            read += 1
            if self.wanted(item, seen):
                batch.append(item)
            if len(batch) >= size:
                yield Plan(tuple(batch), tuple(failures), read)
                batch, failures, read = [], [], 0
        if batch or failures or read:
            yield Plan(tuple(batch), tuple(failures), read)


def _limited(sources: Sequence[Source], limit: int | None) -> Iterator[ArticleText | SourceFailure]:
    taken = 0
    for source in sources:
        for item in source.read():
            if limit is not None and isinstance(item, ArticleText) and taken >= limit:
                return
            taken += isinstance(item, ArticleText)
            yield item


def expected_total(sources: Sequence[Source], limit: int | None) -> int | None:
    """Articles the sources will give, when every source can tell cheaply (folders can); else unknown."""
    sizes = [getattr(s, "paths", None) for s in sources]
    if any(size is None for size in sizes):
        return limit
    total = sum(len(size()) for size in sizes if size is not None)
    return min(total, limit) if limit is not None else total


@dataclass
class RunReport:
    """What a run did: counts (read, skipped, coded, failures...), and each worker's peak memory."""

    run_id: int
    counts: Counter[str]
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # by worker process id


def run_corpus(sources: Sequence[Source], options: RunOptions, described: dict[str, object] | None = None) -> (
        RunReport):
    """Code ``sources`` into ``options.db`` and report. Only this process writes the store."""
    conn = open_store(options.db)
    settings = options.work.settings
    versions = current_versions(settings)
    run_options = {k: str(v) for k, v in dataclasses.asdict(options).items()} | (described or {})
    planner = Planner(coded_versions(conn), versions, options)
    session = RunSession(conn, run_options, versions, clusters=options.clusters, counts=planner.counts)
    replace = options.recode or options.recode_stale
    progress = Progress(expected_total(sources, options.limit), options.progress)
    engine = make_engine(options.work, options.engine, options.workers, options.scheduler)
    report = RunReport(session.run_id, planner.counts)
    plans: list[Plan] = []  # the plans in flight, in order; the engine returns results in the same order

    def chunks() -> Iterator[tuple[ArticleText, ...]]:
        for plan in planner.plans(sources):
            plans.append(plan)
            yield plan.articles

    try:
        for result in engine.map(chunks()):
            plan = plans.pop(0)
            store_result(session, plan, result, replace)
            report.peak_rss_mb[result.pid] = max(report.peak_rss_mb.get(result.pid, 0.0), result.peak_rss_mb)
            progress.advance(plan.read)
    finally:
        engine.close()
        progress.close()
    session.refresh()  # nothing to do when no article or event is new
    session.finish()
    conn.close()
    counts = planner.counts
    log.info("run %d: %s", session.run_id, ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())))
    return report


def store_result(session: RunSession, plan: Plan, result: ChunkResult, replace: bool) -> None:
    """Write one chunk: records, the failures met coding them, and the source failures read with them."""
    coded: list[tuple[ArticleText, CodedArticle]] = []
    failures = list(plan.failures)
    for item, outcome in zip(plan.articles, result.outcomes, strict=True):
        location = item.where
        if outcome.coded is None:
            failures.append(SourceFailure(location, outcome.failure or "unknown failure"))
            continue
        coded.append((item, outcome.coded))
        if outcome.coded.article.language is None:  # read but not coded (empty, not English): say why
            failures.extend(SourceFailure(location, w) for w in outcome.coded.warnings)
        session.counts["events"] += len(outcome.coded.events)
    session.write(coded, failures, replace)
