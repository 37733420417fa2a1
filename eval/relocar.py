"""Score is_government_metonym on ReLocaR (literal vs metonymic readings of place names)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from eventwire.actors.metonymy import is_government_metonym
from eventwire.nlp.model import load_model

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "relocar-metonymy" / "ReLocaR_Train.xml"
SAMPLE = re.compile(r"<sample number=\"(\d+)\">(.*?)</sample>", re.S)
LOC = re.compile(r"<loc reading=\"(\w+)\">(.*?)</loc>", re.S)


def read_samples(path: Path) -> list[tuple[str, str, int, int, str]]:
    """(id, sentence, start, end, reading) for each sample; offsets are characters into the sentence."""
    samples = []
    for number, body in SAMPLE.findall(path.read_text(encoding="utf-8")):
        match = LOC.search(body)
        if not match:
            continue
        text = LOC.sub(lambda m: m.group(2), body).strip()
        start = len(body[: match.start()].lstrip())
        samples.append((number, text, start, start + len(match.group(2)), match.group(1)))
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write the summary and errors here")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    samples = read_samples(args.data)[: args.limit]
    nlp = load_model()
    counts: Counter[str] = Counter()
    errors = []
    for (number, text, start, end, reading), doc in zip(
        samples, nlp.pipe(s[1] for s in samples), strict=True
    ):
        span = doc.char_span(start, end, alignment_mode="expand")
        predicted = "met" if span is not None and is_government_metonym(doc, span.start, span.end) else "lit"
        if reading == "mix":
            counts["mix_" + predicted] += 1
            continue
        counts["n"] += 1
        counts[f"{reading}->{predicted}"] += 1
        if predicted != reading:
            errors.append({"id": number, "gold": reading, "name": text[start:end], "text": text})
    n = counts["n"] or 1
    met_pred = counts["met->met"] + counts["lit->met"]
    met_gold = counts["met->met"] + counts["met->lit"]
    summary = {
        "samples": counts["n"],
        "accuracy": round((counts["met->met"] + counts["lit->lit"]) / n, 4),
        "met_precision": round(counts["met->met"] / met_pred, 4) if met_pred else None,
        "met_recall": round(counts["met->met"] / met_gold, 4) if met_gold else None,
        "confusion": {k: v for k, v in counts.items() if "->" in k},
        "mix_dropped": {k: v for k, v in counts.items() if k.startswith("mix_")},
    }
    print(json.dumps(summary, indent=2))
    for e in errors[: args.errors]:
        print(f"[{e['gold']}] {e['name']}: {e['text']}")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "errors": errors}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
