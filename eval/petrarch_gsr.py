"""Score eventwire on the PETRARCH-2 GSR validation sentences (real-news, real CAMEO actor codes)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from petrarch_records import (
    SHARED,
    by_category,
    format_misses,
    format_summary,
    read_records,
    score_records,
    scores_as_json,
    summarise,
    write_json,
)

LOG = logging.getLogger("petrarch_gsr")
DEFAULT_DATA = SHARED / "PETR2_GSR_validation.xml"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PETR2_GSR_validation.xml")
    parser.add_argument("--verbose", action="store_true", help="list every sentence with misses or extras")
    parser.add_argument("--json", type=Path, help="write machine-readable results here")
    parser.add_argument("--limit", type=int, help="score only the first N sentences")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not args.data.exists():
        print(f"data file not found: {args.data}", file=sys.stderr)
        return 2
    from eventwire.pipeline import Coder

    records = [r for r in read_records(args.data) if r.enabled][: args.limit]
    started = time.perf_counter()
    scores = score_records(Coder(kb=None), records)
    seconds = time.perf_counter() - started
    summary = summarise(scores)
    print(f"PETR2 GSR validation, default KB, {len(records)} sentences in {seconds:.1f}s")
    print("  " + format_summary(summary))
    for category, cat_summary in by_category(scores).items():
        print(f"  {category:8s} " + format_summary(cat_summary))
    if args.verbose:
        print("\n".join(format_misses(scores)))
    if args.json:
        write_json(args.json, {"data": str(args.data), "kb": "default", "seconds": round(seconds, 2),
                               "summary": summary, "by_category": by_category(scores),
                               "sentences": scores_as_json(scores)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
