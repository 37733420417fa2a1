"""The ``eventwire`` command: code an article (or the bundled samples) and print the record."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from eventwire.cli.alerts import add_alerts_command
from eventwire.cli.corpus import add_corpus_commands, day_argument, run_corpus_command
from eventwire.cli.kb import add_kb_command
from eventwire.cli.options import (
    UsageError,
    add_dictionary_options,
    add_timeout_option,
    coder_settings,
    timeout_seconds,
)
from eventwire.cli.serve import add_serve_command
from eventwire.cli.watch import add_watch_command, run_watch
from eventwire.corpus.work import backstop
from eventwire.knowledge.settings import CoderSettings
from eventwire.nlp.budget import CodingTimeout
from eventwire.nlp.guard import InputRejected
from eventwire.records import CodedArticle

log = logging.getLogger("eventwire")

ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


def read_text(path: str) -> str:
    """The text of a file (or stdin for '-'), decoded as UTF-8 or, failing that, Windows-1252."""
    raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8-sig":
            log.warning("%s is not UTF-8; decoded as %s", path, encoding)
        return text
    raise InputRejected("cannot decode input")  # latin-1 decodes anything; kept for clarity


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)
    code = sub.add_parser("code", help="code one article file (or - for stdin)")
    code.add_argument("path")
    code.add_argument("--published", type=day_argument, help="publication date, YYYY-MM-DD")
    code.add_argument("--title")
    code.add_argument("--url")
    code.add_argument("--source")
    code.add_argument("--id")
    code.add_argument("--format", choices=("json", "jsonl", "table"), default="json")
    code.add_argument("--max-chars", type=int, default=1_000_000, help="refuse longer input (default 1,000,000)")
    add_timeout_option(code)
    add_dictionary_options(code)
    code.set_defaults(handler=run_code)
    demo = sub.add_parser("demo", help="code the bundled sample articles and print a table")
    demo.add_argument("--format", choices=("json", "jsonl", "table"), default="table")
    demo.set_defaults(handler=run_demo)
    add_corpus_commands(sub)  # run, export
    add_watch_command(sub)  # watch
    add_serve_command(sub)  # serve
    add_alerts_command(sub)  # alerts
    add_kb_command(sub)  # kb who, show, stale, import-wikidata
    return parser


def make_coder(args: argparse.Namespace, settings: CoderSettings | None = None):  # noqa: ANN201 - lazy model
    """The coder a command's options ask for (its dictionaries and options)."""
    from eventwire.pipeline import Coder

    return Coder(settings or coder_settings(args))


def print_records(records: Sequence[CodedArticle], fmt: str) -> None:
    if fmt == "json":
        body = [r.to_dict() for r in records]
        print(json.dumps(body[0] if len(body) == 1 else body, ensure_ascii=False, indent=1))
    elif fmt == "jsonl":
        for r in records:
            print(json.dumps(r.to_dict(), ensure_ascii=False))
    else:
        from eventwire.cli.table import format_table

        print(format_table(records))


def run_code(args: argparse.Namespace) -> int:
    settings = coder_settings(args)  # a bad option is reported before the input is read
    text = read_text(args.path)
    coder = make_coder(args, settings)
    timeout = timeout_seconds(args)
    with backstop(timeout):  # the alarm behind the coder's own budget, as in `run`
        record = coder.code(text, published=args.published, timeout_s=timeout, title=args.title, url=args.url,
                            source=args.source, id=args.id or (None if args.path == "-" else Path(args.path).stem))
    for warning in record.warnings:
        log.warning("%s: %s", args.path, warning)
    print_records([record], args.format)
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from eventwire.knowledge.samples import load_samples

    print_records(list(make_coder(args).code_many(load_samples())), args.format)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        if args.command in {"run", "export"}:
            return run_corpus_command(args)
        if args.command == "watch":
            return run_watch(args)
        return int(args.handler(args))
    except (InputRejected, CodingTimeout, OSError, UsageError) as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
