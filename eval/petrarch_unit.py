"""Score eventwire on the PETRARCH unit-test records with a KB imported from the validation dictionaries."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import Any

from petrarch_records import (
    SHARED,
    SentenceRecord,
    by_category,
    format_misses,
    format_summary,
    read_records,
    score_records,
    scores_as_json,
    summarise,
    write_json,
)

LOG = logging.getLogger("petrarch_unit")
DEFAULT_DATA = SHARED / "PETR.UnitTest.records.xml"
DEFAULT_DICTS = SHARED / "validate-dictionaries"
KB_CHOICES = ("petrarch", "merged")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PETR.UnitTest.records.xml")
    parser.add_argument("--dicts", type=Path, default=DEFAULT_DICTS, help="folder with PETR.Validate.* files")
    parser.add_argument("--kb", choices=(*KB_CHOICES, "both"), default="both",
                        help="petrarch: the imported dictionaries alone; merged: imported + default KB")
    parser.add_argument("--include-disabled", action="store_true",
                        help='also score sentence="false" records (features PETRARCH never implemented)')
    parser.add_argument("--verbose", action="store_true", help="list every sentence with misses or extras")
    parser.add_argument("--json", type=Path, help="write machine-readable results here")
    return parser.parse_args(argv)


def build_kb(name: str, dicts: Path) -> Any:
    from eventwire.resolve.knowledge import load_default_kb
    from eventwire.resolve.petrarch_import import read_petrarch_dictionaries

    kb = read_petrarch_dictionaries(dicts / "PETR.Validate.actors.txt", dicts / "PETR.Validate.agents.txt")
    return kb.merged(load_default_kb()) if name == "merged" else kb


def run(name: str, dicts: Path, records: list[SentenceRecord], verbose: bool) -> dict[str, Any]:
    from eventwire.pipeline import Coder

    started = time.perf_counter()
    scores = score_records(Coder(kb=build_kb(name, dicts)), records)
    seconds = time.perf_counter() - started
    summary, categories = summarise(scores), by_category(scores)
    print(f"\nPETRARCH unit tests, KB={name}, {len(records)} sentences in {seconds:.1f}s")
    print("  " + format_summary(summary))
    for category, cat_summary in sorted(categories.items(), key=lambda kv: kv[1]["share"] or 0):
        print(f"  {category:9s} " + format_summary(cat_summary))
    if verbose:
        print("\n".join(format_misses(scores)))
    return {"kb": name, "seconds": round(seconds, 2), "summary": summary, "by_category": categories,
            "sentences": scores_as_json(scores)}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not args.data.exists() or not args.dicts.is_dir():
        print(f"data not found: {args.data} / {args.dicts}", file=sys.stderr)
        return 2
    records = [r for r in read_records(args.data) if r.enabled or args.include_disabled]
    names = KB_CHOICES if args.kb == "both" else (args.kb,)
    results = [run(name, args.dicts, records, args.verbose) for name in names]
    if args.json:
        write_json(args.json, {"data": str(args.data), "runs": results})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
