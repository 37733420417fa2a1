"""Draw a fixed random sample of the events the record gives on the VOA stories, for a precision audit by hand.

Codes every story of `../shared/data/voa-2019-2025/voa_stories.jsonl` (never copied here) with
`eventwire.code_text(...).to_dict()`, pools the events, draws `--sample` of them with `random.Random(--seed)`
and writes one block per event: the story, its date, the evidence sentence, and what the record says (CAMEO
code and name, source, target, date, flags). A judge marks each block against CAMEO (root right, source
right, target right, date right); `--score FILE` then tallies a judged file (lines `judged: R S T D`, each
`y` or `n`, `-` for not applicable: a null target that should be null is `y`).

    PYTHONPATH=src .venv/bin/python eval/voa_audit.py --out /tmp/voa-sample.txt
    PYTHONPATH=src .venv/bin/python eval/voa_audit.py --score docs/audits/voa-judged.txt
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data" / "voa-2019-2025" / "voa_stories.jsonl"
JUDGED = re.compile(r"^judged:\s*([yn-])\s+([yn-])\s+([yn-])\s+([yn-])\s*$", re.MULTILINE)


def coded_events(path: Path) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    """(story, event, evidence sentence) for every event of every story."""
    import eventwire

    found = []
    for line in path.open(encoding="utf-8"):
        story = json.loads(line)
        record = eventwire.code_text(story["text"], published=(story.get("published") or "")[:10] or None,
                                     title=story.get("title"), id=str(story.get("id"))).to_dict()
        for event in record.get("events") or []:
            found.append((story, event, story["text"][event["start"] : event["end"]]))
    return found


def mention(m: dict[str, Any] | None) -> str:
    return "null" if not m else f"{m.get('text')!r} -> {m.get('code') or 'uncoded'}"


def block(n: int, story: dict[str, Any], event: dict[str, Any], sentence: str) -> str:
    flags = [k for k in ("negated", "hypothetical", "background") if event.get(k)]
    return "\n".join([
        f"## {n}. story {story.get('id')} ({(story.get('published') or '')[:10]}): {story.get('title')}",
        f"sentence: {sentence}",
        f"trigger: {(event.get('trigger') or {}).get('text')!r}   cameo: {event.get('cameo')}"
        f"   plover: {(event.get('plover') or {}).get('type')}   flags: {', '.join(flags) or 'none'}",
        f"source: {mention(event.get('source'))}",
        f"target: {mention(event.get('target'))}",
        f"date: {event.get('date')} ({event.get('date_precision')})",
        "judged: ? ? ? ?",
        "",
    ])


def score(path: Path) -> dict[str, Any]:
    marks = JUDGED.findall(path.read_text(encoding="utf-8"))
    tally: Counter[str] = Counter()
    for root, source, target, day in marks:
        tally["n"] += 1
        for name, mark in (("root", root), ("source", source), ("target", target), ("date", day)):
            tally[name] += mark in "y-"
        tally["triple"] += all(m in "y-" for m in (root, source, target))
        tally["all"] += all(m in "y-" for m in (root, source, target, day))
    n = max(tally["n"], 1)
    return {"judged": tally["n"], **{k: round(tally[k] / n, 3) for k in ("root", "source", "target", "date",
                                                                         "triple", "all")}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", type=Path, help="write the sample here (default: print it)")
    parser.add_argument("--score", type=Path, help="tally a judged sample instead")
    args = parser.parse_args(argv)
    if args.score:
        print(json.dumps(score(args.score)))
        return 0
    if not args.data.exists():
        print(f"data file not found: {args.data}", file=sys.stderr)
        return 2
    events = coded_events(args.data)
    drawn = random.Random(args.seed).sample(events, min(args.sample, len(events)))
    text = f"# {len(drawn)} of {len(events)} events, seed {args.seed}\n\n" + "\n".join(
        block(n, *item) for n, item in enumerate(drawn, 1))
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"{len(drawn)} of {len(events)} events written to {args.out}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
