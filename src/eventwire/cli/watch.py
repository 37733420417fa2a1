"""The ``eventwire watch`` command: its options, and the watch loop of ``corpus.watch`` run with them."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.cli.alerts import AlertPrinter, add_alert_options, rule_of
from eventwire.cli.options import add_dictionary_options, add_timeout_option, coder_settings, timeout_seconds
from eventwire.corpus.watch import CodeStep, PollCounts, StoreSink, make_code_step, watch_feeds
from eventwire.corpus.work import WorkOptions
from eventwire.ingest.feed_state import JsonFeedStates
from eventwire.ingest.http import HttpClient, HttpSettings, make_client
from eventwire.ingest.rss import RssSource


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
    watch.add_argument("--alerts", action="store_true",
                       help="after each poll, print the dyad shift alerts of the store's last week not yet printed")
    add_alert_options(watch)
    add_timeout_option(watch)
    add_dictionary_options(watch)
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
    settings = coder_settings(args)
    options = {"command": "watch", "feeds": list(args.feeds), "interval": args.interval} | settings.describe()
    report: Callable[[PollCounts], None] = _report
    if getattr(args, "alerts", False):
        try:
            rule_of(args)  # a bad setting is refused before the first poll
        except ValueError as err:
            print(f"eventwire watch: {err}", file=sys.stderr)
            return 2
        report = _alert_report(AlertPrinter(Path(args.db), args))
    sink = StoreSink(args.db, options, settings)
    work = WorkOptions(settings, timeout_seconds(args))
    try:
        watch_feeds(sources, code or make_code_step(work), sink, args.interval, once=args.once, report=report)
    except KeyboardInterrupt:
        print("eventwire watch: stopped", file=sys.stderr)
        return 130
    finally:
        sink.close()
    return 0


def _alert_report(printer: AlertPrinter) -> Callable[[PollCounts], None]:
    """The poll report, then the new dyad shift alerts on stdout."""
    def report(counts: PollCounts) -> None:
        _report(counts)
        for line in printer():
            print(line, flush=True)

    return report


def _report(counts: PollCounts) -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    print(f"{stamp} poll: {counts.articles} new items, {counts.written} stored, {counts.failures} failures",
          file=sys.stderr)
