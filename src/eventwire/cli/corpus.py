"""The corpus commands, ``eventwire run`` and ``eventwire export``, added to the main parser by cli.py."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from eventwire.cli.options import (
    UsageError,
    add_dictionary_options,
    add_timeout_option,
    coder_settings,
    timeout_seconds,
)
from eventwire.records import parse_day
from eventwire.store.filters import DATE_PRECISIONS, HAS_BACKGROUND, EventFilter, actual_events

log = logging.getLogger("eventwire")

DEFAULT_DB = "eventwire.db"
EXPORT_FORMATS = ("jsonl", "csv", "parquet", "plover", "clusters")


def day_argument(value: str) -> str:
    """An argparse type: the day ``value`` names (``records.parse_day``), as YYYY-MM-DD; else a usage error."""
    try:
        day = parse_day(value, field="")
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if day is None:
        raise argparse.ArgumentTypeError("an empty date (expected YYYY-MM-DD)")
    return day


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def add_corpus_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``run`` and ``export`` to the ``eventwire`` command's sub-parsers."""
    run = subparsers.add_parser("run", help="code a corpus (folders, JSON Lines, CSV, feeds, WARCs) into a store")
    run.add_argument("sources", nargs="+", metavar="SOURCE", help="folder, file, .jsonl, .csv, .warc(.gz) or feed URL")
    run.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    run.add_argument("--workers", type=_positive, default=1, help="worker processes (default 1)")
    run.add_argument("--engine", choices=("local", "dask"), default="local")
    run.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (implies --engine dask)")
    run.add_argument("--batch-size", type=_positive, default=16, help="articles per chunk and parse batch")
    run.add_argument("--recode", action="store_true", help="recode articles already in the store")
    run.add_argument("--recode-stale", action="store_true",
                     help="recode articles coded by another coder or dictionary version")
    run.add_argument("--limit", type=_positive, help="read at most N articles")
    run.add_argument("--max-chars", type=int, default=1_000_000, help="refuse longer articles")
    run.add_argument("--source-name", help="outlet name for articles that carry none")
    run.add_argument("--text-column", default="text", help="JSONL/CSV column with the text (default text)")
    run.add_argument("--title-column", default="title")
    run.add_argument("--date-column", default="published")
    run.add_argument("--url-column", default="url")
    run.add_argument("--id-column", default="id")
    run.add_argument("--no-progress", action="store_true", help="log lines instead of a progress bar")
    run.add_argument("--no-clusters", action="store_true",
                     help="do not refresh the stored article and event clusters at the end")
    add_timeout_option(run)
    add_dictionary_options(run)
    export = subparsers.add_parser("export", help="export events from a store")
    export.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
    export.add_argument("--out", help="output file (default stdout; required for parquet)")
    export.add_argument("--since", type=day_argument, help="events on or after YYYY-MM-DD (the event's date, "
                        "else its article's publication date)")
    export.add_argument("--until", type=day_argument, help="events on or before YYYY-MM-DD")
    export.add_argument("--actor", help="CAMEO actor code prefix of source or target (RUS, RUSGOV)")
    export.add_argument("--country", help="ISO 3166 alpha-3 country of source or target")
    export.add_argument("--source-actor", help="CAMEO actor code prefix of the source")
    export.add_argument("--target-actor", help="CAMEO actor code prefix of the target")
    export.add_argument("--source-country", help="ISO 3166 alpha-3 country of the source")
    export.add_argument("--target-country", help="ISO 3166 alpha-3 country of the target")
    export.add_argument("--cameo", help="CAMEO event code prefix (112, 04)")
    export.add_argument("--root", help="CAMEO root code (01-20)")
    export.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="quad class")
    export.add_argument("--plover", help="PLOVER event type (ACCUSE, CONSULT...)")
    export.add_argument("--place", help="event location name (any case) or location country")
    export.add_argument("--text", help="full-text query over evidence sentences (FTS5 syntax)")
    add_flag_options(export)


def add_flag_options(parser: argparse.ArgumentParser) -> None:
    """What an event is, as the API's filters (docs/export.md, "Event flags"): by default only actual events."""
    group = parser.add_argument_group("event flags (default: only actual events: not negated, not hypothetical, "
                                      "not background)")
    group.add_argument("--all-events", action="store_true",
                       help="include negated, hypothetical and background events")
    for flag, what in (("negated", "negated"), ("hypothetical", "hypothetical (planned, conditional)"),
                       ("background", "background (earlier events recalled; stores that carry the flag)")):
        group.add_argument(f"--{flag}", action=argparse.BooleanOptionalAction, default=None,
                           help=f"only {what} events (--no-{flag}: only the others)")
    group.add_argument("--min-confidence", type=float, metavar="X", help="the coder's confidence at least X (0-1)")
    group.add_argument("--date-precision", choices=DATE_PRECISIONS,
                       help="precision of the event's own date (none: no date of its own)")


def flag_filter(args: argparse.Namespace, f: EventFilter) -> EventFilter:
    """``f`` with the flag options of ``add_flag_options``; ``UsageError`` for a flag the store lacks."""
    from dataclasses import replace

    if args.background is not None and not HAS_BACKGROUND:
        raise UsageError("--background: this version's store has no background flag")
    if args.min_confidence is not None and not 0 <= args.min_confidence <= 1:
        raise UsageError("--min-confidence must be between 0 and 1")
    f = replace(f, negated=args.negated, hypothetical=args.hypothetical, background=args.background,
                min_confidence=args.min_confidence, date_precision=args.date_precision)
    return f if args.all_events else actual_events(f)


def run_corpus_command(args: argparse.Namespace) -> int:
    """Run ``run`` or ``export``; the exit status (2 when the store cannot be opened)."""
    if args.command not in ("run", "export"):
        raise ValueError(f"not a corpus command: {args.command}")
    try:
        return _run(args) if args.command == "run" else _export(args)
    except sqlite3.DatabaseError as err:
        print(f"eventwire: cannot use the store {args.db}: {err}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from eventwire.corpus.runner import RunOptions, run_corpus
    from eventwire.corpus.work import WorkOptions
    from eventwire.ingest.factory import SourceOptions, make_source
    from eventwire.ingest.tables import Columns

    columns = Columns(text=args.text_column, title=args.title_column, published=args.date_column,
                      url=args.url_column, id=args.id_column)
    sources = [make_source(spec, SourceOptions(columns, args.source_name)) for spec in args.sources]
    options = RunOptions(
        db=Path(args.db), workers=args.workers, engine=args.engine, scheduler=args.scheduler,
        work=WorkOptions(coder_settings(args), timeout_seconds(args)),
        recode=args.recode, recode_stale=args.recode_stale, limit=args.limit,
        progress=False if args.no_progress else None, clusters=not args.no_clusters,
    )
    described: dict[str, object] = {"sources": list(args.sources), **options.work.settings.dictionaries()}
    report = run_corpus(sources, options, described)
    c = report.counts
    print(f"read {c['read']:,}, coded {c['coded']:,}, skipped {c['skipped']:,} (already coded), "
          f"duplicates {c['duplicates']:,}, failures {c['failures']:,}, events {c['events']:,}"
          + (f", event clusters {c['event_clusters']:,}" if "event_clusters" in c else "") + f" -> {args.db}",
          file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from eventwire.export.writers import export_events

    if not Path(args.db).is_file():
        print(f"eventwire: no store at {args.db}", file=sys.stderr)
        return 2
    if args.format == "parquet" and not args.out:
        print("eventwire: --out is required for parquet", file=sys.stderr)
        return 2
    where = EventFilter(since=args.since, until=args.until, actor=args.actor, country=args.country,
                        source_actor=args.source_actor, target_actor=args.target_actor,
                        source_country=args.source_country, target_country=args.target_country, cameo=args.cameo,
                        root=args.root, quad_class=args.quad, plover=args.plover, place=args.place, text=args.text)
    where = flag_filter(args, where)
    count = export_events(Path(args.db), args.format, where, Path(args.out) if args.out else None)
    print(f"exported {count:,} {'event clusters' if args.format == 'clusters' else 'events'}", file=sys.stderr)
    if args.format == "clusters" and not count:
        print("eventwire: no clusters stored? A run without --no-clusters refreshes them", file=sys.stderr)
    return 0


def make_parser() -> argparse.ArgumentParser:
    """A parser with only the corpus commands (until cli.py adds them to ``eventwire``)."""
    parser = argparse.ArgumentParser(prog="eventwire", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    add_corpus_commands(parser.add_subparsers(dest="command", required=True))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    # A run logs its progress lines (when there is no progress bar) and its counts.
    level = logging.INFO if args.verbose or args.command == "run" else logging.WARNING
    logging.basicConfig(level=level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return run_corpus_command(args)


if __name__ == "__main__":
    sys.exit(main())
