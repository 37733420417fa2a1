"""`eventwire watch FEED...`: poll feeds, code each new item, and store articles and failures."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from eventwire.ingest.feed_state import JsonFeedStates
from eventwire.ingest.http import HttpClient, HttpSettings, make_client
from eventwire.ingest.rss import RssSource
from eventwire.ingest.source import Source
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
    """The SQLite store as a sink: one recorded run per watch, one transaction per poll."""

    def __init__(self, db: str | Path, options: dict[str, Any]) -> None:
        from eventwire.corpus.versions import current_versions
        from eventwire.store.connect import open_store
        from eventwire.store.write import start_run

        self.conn = open_store(db)
        self.versions = current_versions()
        self.run_id = start_run(self.conn, options, self.versions)
        self.totals = {"articles": 0, "written": 0, "failures": 0}

    def write(self, coded: Sequence[Coded], failures: Sequence[SourceFailure]) -> int:
        from eventwire.store.clusters import refresh_clusters
        from eventwire.store.write import write_batch

        written = write_batch(self.conn, self.run_id, coded, failures, self.versions)
        refresh_clusters(self.conn, if_stale=True)  # docs/dedup.md; nothing to do when nothing is new
        for key, value in (("articles", len(coded)), ("written", written), ("failures", len(failures))):
            self.totals[key] += value
        return written

    def close(self) -> None:
        from eventwire.store.write import finish_run

        finish_run(self.conn, self.run_id, self.totals)
        self.conn.close()


def make_code_step(batch_size: int = 16, timeout_s: float | None = 120.0) -> CodeStep:
    """Code articles in this process with the run's worker code (model loaded once, per-article time limit)."""
    from eventwire.corpus.work import WorkOptions, code_chunk

    options = WorkOptions(batch_size=batch_size, timeout_s=timeout_s)

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
    """Read every source once, code what is new, and hand it to the sink in one batch."""
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
    return PollCounts(articles=len(articles), written=written, failures=len(failures))


def watch_feeds(sources: Sequence[Source], code: CodeStep, sink: Sink, interval: float, once: bool = False,
                sleep: Callable[[float], None] = time.sleep, report: Callable[[PollCounts], None] | None = None,
                ) -> list[PollCounts]:
    """Poll until interrupted (or once); each poll's counts go to ``report``."""
    polls: list[PollCounts] = []
    while True:
        started = time.monotonic()
        counts = poll_once(sources, code, sink)
        polls.append(counts)
        if report:
            report(counts)
        if once:
            return polls
        sleep(max(0.0, interval - (time.monotonic() - started)))


def add_watch_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``watch`` to the ``eventwire`` command's subparsers."""
    watch = subparsers.add_parser("watch", help="poll RSS/Atom feeds and code each new item into the store")
    watch.add_argument("feeds", nargs="+", metavar="FEED", help="feed URL (http or https)")
    watch.add_argument("--db", default="eventwire.db", help="SQLite store (default: eventwire.db)")
    watch.add_argument("--interval", type=float, default=300.0, help="seconds between polls (default: 300)")
    watch.add_argument("--once", action="store_true", help="poll each feed once and exit")
    watch.add_argument("--state", help="feed state file (ETag, Last-Modified, items seen); default: DB.feeds.json")
    watch.add_argument("--http-timeout", type=float, default=20.0, help="seconds per request (default: 20)")
    watch.add_argument("--no-pages", action="store_true", help="code the feed's summaries; do not fetch pages")
    watch.set_defaults(handler=run_watch)
    return watch


def run_watch(args: argparse.Namespace, client: HttpClient | None = None, code: CodeStep | None = None) -> int:
    """Run the ``watch`` command; ``client`` and ``code`` are seams for tests."""
    bad = [f for f in args.feeds if not f.lower().startswith(("http://", "https://"))]
    if bad or args.interval <= 0:
        print(f"eventwire watch: {'not a feed URL: ' + bad[0] if bad else '--interval must be positive'}",
              file=sys.stderr)
        return 2
    client = client or make_client(HttpSettings(timeout=args.http_timeout))
    states = JsonFeedStates(args.state or f"{args.db}.feeds.json")
    sources = [RssSource(url, client, states, fetch_pages=not args.no_pages) for url in args.feeds]
    sink = StoreSink(args.db, {"command": "watch", "feeds": list(args.feeds), "interval": args.interval})
    try:
        watch_feeds(sources, code or make_code_step(), sink, args.interval, once=args.once, report=_report)
    except KeyboardInterrupt:
        print("eventwire watch: stopped", file=sys.stderr)
        return 130
    finally:
        sink.close()
    return 0


def _report(counts: PollCounts) -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    print(f"{stamp} poll: {counts.articles} new items, {counts.written} stored, {counts.failures} failures",
          file=sys.stderr)
