"""Score the literal/metonymic decision on ReLocaR (literal vs metonymic readings of place names): the sentence
test alone (``name_reading``, ``finder``) and through the record a user gets (``record``: ``Coder.code``)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from eventwire.places import name_reading
from eventwire.records import CodedArticle

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
    from eventwire.pipeline import Coder

    coder = Coder()
    views = ("finder_government", "finder", "record", "record_any_actor")
    tallies: dict[str, Counter[str]] = {view: Counter() for view in views}
    errors = []
    for (number, text, start, end, reading), doc in zip(
        samples, coder.nlp.pipe(s[1] for s in samples), strict=True
    ):
        span = doc.char_span(start, end, alignment_mode="expand")
        alone = name_reading(doc, span.start, span.end) if span is not None else "literal"
        coded = coder.code(text)
        for view, predicted in (("finder_government", "met" if alone == "government" else "lit"),
                                ("finder", "lit" if alone == "literal" else "met"),
                                ("record", record_reading(coded, start, end)),
                                ("record_any_actor", record_reading(coded, start, end, any_actor=True))):
            count(tallies[view], reading, predicted)
        predicted = record_reading(coded, start, end)
        if reading != "mix" and predicted != reading:
            errors.append({"id": number, "gold": reading, "name": text[start:end], "text": text})
    summary = {view: summarise(counts) for view, counts in tallies.items()}
    print(json.dumps(summary, indent=2))
    for e in errors[: args.errors]:
        print(f"[{e['gold']}] {e['name']}: {e['text']}")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "errors": errors}, indent=2), encoding="utf-8")
    return 0


def record_reading(coded: CodedArticle, start: int, end: int, any_actor: bool = False) -> str:
    """How the record reads the name at [start, end): "met" when a place there reads "government" or "both",
    or, where no place covers it, when an actor mention other than a country name does (a person, an
    organisation). With ``any_actor`` any actor mention there counts as metonymic too (the record lists every
    country name as an actor mention, the literal ones included: its code, not its reading)."""
    places = [p for p in coded.places if p.start < end and start < p.end]
    actors = [m for m in coded.mentions if m.start < end and start < m.end]
    if any_actor and actors:
        return "met"
    if any(p.reading != "literal" for p in places) or (not places and any(m.kind != "country" for m in actors)):
        return "met"
    return "lit"


def count(counts: Counter[str], reading: str, predicted: str) -> None:
    if reading == "mix":
        counts["mix_" + predicted] += 1
        return
    counts["n"] += 1
    counts[f"{reading}->{predicted}"] += 1


def summarise(counts: Counter[str]) -> dict[str, object]:
    n = counts["n"] or 1
    met_pred = counts["met->met"] + counts["lit->met"]
    met_gold = counts["met->met"] + counts["met->lit"]
    return {
        "samples": counts["n"],
        "accuracy": round((counts["met->met"] + counts["lit->lit"]) / n, 4),
        "met_precision": round(counts["met->met"] / met_pred, 4) if met_pred else None,
        "met_recall": round(counts["met->met"] / met_gold, 4) if met_gold else None,
        "confusion": {k: v for k, v in counts.items() if "->" in k},
        "mix_dropped": {k: v for k, v in counts.items() if k.startswith("mix_")},
    }


if __name__ == "__main__":
    raise SystemExit(main())
