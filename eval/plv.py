"""Score the record on PLV train sentences with the shared scorer, plus the figures our issues ask for.

Reads `../shared/data/plv-train/PLV_train.tsv` and `../shared/tools/score_plv.py` (never copied here). Each
sentence is coded alone with `eventwire.code_text(...).to_dict()`, as the shared scorer does; this wrapper adds
  source_coded  share of sentences whose marked source overlaps an actor mention of the record with a code
  (the record's `mentions`, or an event's source or target), as issue 13 asks
and options for user dictionaries (`--petrarch-verbs` etc., as the command line's) and a JSON summary.

    PYTHONPATH=src .venv/bin/python eval/plv.py [--limit N] [--show N] [--json out.json]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import json
import sys
import time
from collections import Counter
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data" / "plv-train" / "PLV_train.tsv"
SCORER = SHARED / "tools" / "score_plv.py"


def load_scorer(path: Path = SCORER) -> Any:
    spec = importlib.util.spec_from_file_location("score_plv", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def coded_mentions(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every actor mention of a record that carries a code: its `mentions` and the events' ends."""
    found: list[dict[str, Any]] = [m for m in record.get("mentions") or [] if m.get("code") and "start" in m]
    for event in record.get("events") or []:
        for end in ("source", "target"):
            mention = event.get(end)
            if isinstance(mention, dict) and mention.get("code") and "start" in mention:
                found.append(mention)
    return found


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, help="score only the first N sentences")
    parser.add_argument("--show", type=int, default=0, help="print N misses")
    parser.add_argument("--json", type=Path, help="write the summary here")
    for name in ("petrarch-actors", "petrarch-agents", "petrarch-verbs", "petrarch-discards"):
        parser.add_argument(f"--{name}", help="a user dictionary, as on the command line")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.exists() or not SCORER.exists():
        print(f"data or scorer not found: {args.data}, {SCORER}", file=sys.stderr)
        return 2
    import eventwire
    from eventwire.knowledge.settings import CoderSettings

    settings = CoderSettings(petrarch_actors=args.petrarch_actors, petrarch_agents=args.petrarch_agents,
                             petrarch_verbs=args.petrarch_verbs, petrarch_discards=args.petrarch_discards)
    scorer = load_scorer()
    rows = list(csv.DictReader(args.data.open(encoding="utf-8"), delimiter="\t"))[: args.limit]
    extra: Counter[str] = Counter()

    def code(text: str, published: str | None = None) -> dict[str, Any]:
        record: dict[str, Any] = eventwire.code_text(text, published=published, settings=settings).to_dict()
        return record

    def code_and_count(text: str, published: str | None = None) -> dict[str, Any]:
        record = code(text, published)
        source = code_and_count.spans.get(text)  # type: ignore[attr-defined]
        extra["n"] += 1
        if source and any(scorer.over(m, source) for m in coded_mentions(record)):
            extra["source_coded"] += 1
        return record

    code_and_count.spans = {}  # type: ignore[attr-defined]
    for row in rows:
        text, s, _ = scorer.spans(row["marked_sentence"])
        code_and_count.spans[text] = s  # type: ignore[attr-defined]
    started = time.perf_counter()
    out = io.StringIO()
    with redirect_stdout(out):
        tally = scorer.score(rows, code_and_count, args.show)
    seconds = time.perf_counter() - started
    print(out.getvalue(), end="")
    n = max(extra["n"], 1)
    print(f"plv source_coded={extra['source_coded'] / n:.3f} (marked source is a coded actor mention)")
    print(f"{len(rows)} sentences in {seconds:.1f}s")
    if args.json:
        summary = {k: dict(v) for k, v in tally.items() if v}
        summary["source_coded"] = {"n": extra["n"], "coded": extra["source_coded"]}
        args.json.write_text(json.dumps({"seconds": round(seconds, 1), "tally": summary}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
