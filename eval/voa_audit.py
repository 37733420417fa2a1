"""Draw a fixed random sample of the events the record gives on the VOA stories, for a precision audit by hand.

Codes every story of `../shared/data/voa-2019-2025/voa_stories.jsonl` (never copied here) with
`eventwire.code_text(...).to_dict()`, pools the events, draws `--sample` of them with `random.Random(--seed)`
and writes one block per event: the story, its date, the evidence sentence, and what the record says (CAMEO
code and name, source, target, date, flags). A judge marks each block against CAMEO (root right, source
right, target right, date right); `--score FILE` then tallies a judged file (lines `judged: R S T D`, each
`y` or `n`, `-` for not applicable: a null target that should be null is `y`).

    PYTHONPATH=src .venv/bin/python eval/voa_audit.py --out /tmp/voa-sample.txt
    PYTHONPATH=src .venv/bin/python eval/voa_audit.py --score docs/audits/voa-judged.txt

After a change, `--carry OLD_JUDGED_FILE` copies each judgment whose event is unchanged (same story, CAMEO
code, source and target codes, flags and date; the block formats of `--out` and `--compact` are both read), so
that only new or changed events are judged again; an event whose key is ambiguous in the old file is left
`? ? ? ?`. `--compact` writes the blocks without the sentences (the form kept in docs/audits/).
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
# The two block heads: "## 1. story 6202743 (2021-03-02): title" (full) and "## 1. story 6202743  cameo ..." (compact).
FULL_FIELDS = {
    "story": re.compile(r"^## \d+\. story (\S+)", re.MULTILINE),
    "cameo": re.compile(r"cameo: (\S+)"),
    "flags": re.compile(r"flags: (.*)$", re.MULTILINE),
    "source": re.compile(r"^source: .*?(?:-> (\S+)|(null))$", re.MULTILINE),
    "target": re.compile(r"^target: .*?(?:-> (\S+)|(null))$", re.MULTILINE),
    "date": re.compile(r"^date: (.*)$", re.MULTILINE),
}
COMPACT = re.compile(r"^## \d+\. story (\S+)  cameo (\S+)  source (\S+)  target (\S+)  flags (.+?)  date (.+)$",
                     re.MULTILINE)


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


def compact(n: int, story: dict[str, Any], event: dict[str, Any]) -> str:
    """One block without the sentence: the form the judged audit is kept in (docs/audits/)."""
    flags = [k for k in ("negated", "hypothetical", "background") if event.get(k)]
    code = {k: (event.get(k) or {}).get("code") or ("uncoded" if event.get(k) else "null")
            for k in ("source", "target")}
    return (f"## {n}. story {story.get('id')}  cameo {event.get('cameo')}  source {code['source']}  target "
            f"{code['target']}  flags {', '.join(flags) or 'none'}  date {event.get('date')} "
            f"({event.get('date_precision')})\njudged: ? ? ? ?\n")


def block_key(text: str) -> tuple[str, ...] | None:
    """The identity of a judged event, read from a block in either format."""
    found = COMPACT.search(text)
    if found:
        return tuple(g.strip() for g in found.groups())
    parts = []
    for name in ("story", "cameo", "source", "target", "flags", "date"):
        m = FULL_FIELDS[name].search(text)
        if m is None:
            return None
        parts.append(next(g for g in m.groups() if g is not None).strip())
    return tuple(parts)


def judgments(path: Path) -> dict[tuple[str, ...], str]:
    """Each unambiguous event key of a judged file and its `judged:` line."""
    found: dict[tuple[str, ...], set[str]] = {}
    for text in re.split(r"\n(?=## )", path.read_text(encoding="utf-8")):
        key, mark = block_key(text), JUDGED.search(text)
        if key is not None and mark is not None:
            found.setdefault(key, set()).add(" ".join(mark.groups()))
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def carry(text: str, old: dict[tuple[str, ...], str]) -> tuple[str, int]:
    """``text`` with each block's `judged: ? ? ? ?` replaced by the old judgment of the same event."""
    blocks, carried = re.split(r"\n(?=## )", text), 0
    for n, b in enumerate(blocks):
        key = block_key(b)
        if key is not None and key in old:
            blocks[n] = b.replace("judged: ? ? ? ?", f"judged: {old[key]}")
            carried += 1
    return "\n".join(blocks), carried


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
    parser.add_argument("--carry", type=Path, help="copy judgments of unchanged events from this judged file")
    parser.add_argument("--compact", action="store_true", help="leave the sentences out")
    args = parser.parse_args(argv)
    if args.score:
        print(json.dumps(score(args.score)))
        return 0
    if not args.data.exists():
        print(f"data file not found: {args.data}", file=sys.stderr)
        return 2
    events = coded_events(args.data)
    drawn = random.Random(args.seed).sample(events, min(args.sample, len(events)))
    text = f"# {len(drawn)} of {len(events)} events, seed {args.seed}\n\n" + ("" if args.compact else "\n").join(
        compact(n, story, event) if args.compact else block(n, story, event, sentence)
        for n, (story, event, sentence) in enumerate(drawn, 1))
    if args.carry:
        text, carried = carry(text, judgments(args.carry))
        print(f"{carried} of {len(drawn)} judgments carried from {args.carry}", file=sys.stderr)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"{len(drawn)} of {len(events)} events written to {args.out}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
