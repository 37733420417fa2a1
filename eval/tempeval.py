"""Score find_times on TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT): spans, types and values."""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import logging
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.knowledge.time_words import load_time_words
from eventwire.nlp.model import load_model
from eventwire.records import Time
from eventwire.times.finder import find_times

log = logging.getLogger("eval.tempeval")

DEFAULT_ROOT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
SUBCORPORA = ("TimeBank", "AQUAINT")
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Doc:
    name: str
    corpus: str
    dct: dt.date | None
    text: str
    gold: list[Gold]


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    date_matched: int = 0
    date_value_ok: int = 0
    value_ok: int = 0
    date_gold: int = 0
    misses: list[dict[str, str]] = field(default_factory=list)


def parse_tml(path: Path, corpus: str) -> Doc:
    """Read one TimeML file: DCT, tag-free text and the gold TIMEX3 spans."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct = None
    if dct_match:
        value = dict(_ATTR.findall(dct_match.group(0))).get("value", "")
        try:
            dct = dt.date.fromisoformat(value[:10])
        except ValueError:
            dct = None
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Gold(start, length, "", attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    gold = [Gold(g.start, g.end, text[g.start : g.end], g.type, g.value) for g in gold]
    return Doc(path.stem, corpus, dct, text, gold)


def _overlap(a: Gold, b: Time) -> bool:
    return a.start < b.end and b.start < a.end


def score_doc(doc: Doc, pred: list[Time], tally: Tally) -> None:
    """Add one document's counts: one-to-one matching, exact spans first, then any overlap."""
    tally.gold += len(doc.gold)
    tally.date_gold += sum(g.type == "DATE" for g in doc.gold)
    tally.pred += len(pred)
    used: set[int] = set()
    pairs: list[tuple[Gold, Time]] = []
    for gold in doc.gold:
        exact = [
            i for i, p in enumerate(pred) if i not in used and (p.start, p.end) == (gold.start, gold.end)
        ]
        if exact:
            used.add(exact[0])
            tally.strict += 1
            pairs.append((gold, pred[exact[0]]))
    matched_gold = {id(g) for g, _ in pairs}
    for gold in doc.gold:
        if id(gold) in matched_gold:
            continue
        over = [i for i, p in enumerate(pred) if i not in used and _overlap(gold, p)]
        if over:
            used.add(over[0])
            pairs.append((gold, pred[over[0]]))
        else:
            tally.misses.append({"doc": doc.name, "kind": "missed", "text": gold.text, "gold": gold.value})
    tally.relaxed += len(pairs)
    for i, p in enumerate(pred):
        if i not in used:
            tally.misses.append({"doc": doc.name, "kind": "spurious", "text": p.text, "pred": str(p.value)})
    for gold, p in pairs:
        tally.type_ok += gold.type == p.type
        tally.value_ok += gold.value == p.value
        if gold.type == "DATE":
            tally.date_matched += 1
            if gold.value == p.value:
                tally.date_value_ok += 1
            else:
                tally.misses.append(
                    {
                        "doc": doc.name,
                        "kind": "value",
                        "text": f"{gold.text} | {p.text}",
                        "gold": gold.value,
                        "pred": str(p.value),
                        "dct": str(doc.dct),
                    }
                )


def _prf(hit: int, pred: int, gold: int) -> dict[str, float]:
    p = hit / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def summary(t: Tally) -> dict[str, object]:
    """The reported numbers of one tally."""
    return {
        "gold": t.gold,
        "predicted": t.pred,
        "strict": _prf(t.strict, t.pred, t.gold),
        "relaxed": _prf(t.relaxed, t.pred, t.gold),
        "type_accuracy": round(t.type_ok / t.relaxed, 4) if t.relaxed else 0.0,
        "date_value_accuracy": round(t.date_value_ok / t.date_matched, 4) if t.date_matched else 0.0,
        "date_matched": t.date_matched,
        "value_f1_all_types": _prf(t.value_ok, t.pred, t.gold)["f1"],
        # Over every gold expression, found or not (a missed expression counts as a wrong value).
        "value_accuracy_all_gold": round(t.value_ok / t.gold, 4) if t.gold else 0.0,
        "date_value_accuracy_all_gold": round(t.date_value_ok / t.date_gold, 4) if t.date_gold else 0.0,
        "date_gold": t.date_gold,
    }


def load_docs(root: Path, limit: int | None) -> list[Doc]:
    """All .tml files of the subcorpora, at most ``limit`` per subcorpus."""
    docs = []
    for corpus in SUBCORPORA:
        files = sorted((root / corpus).glob("*.tml"))
        docs.extend(parse_tml(p, corpus) for p in files[:limit])
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--limit", type=int, default=None, help="documents per subcorpus")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--misses", type=int, default=0, help="print this many errors of each kind")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.root.is_dir():
        print(f"TempEval-3 data not found at {args.root}", file=sys.stderr)
        return 2
    docs = load_docs(args.root, args.limit)
    nlp = load_model()
    words = load_time_words()
    tallies = {c: Tally() for c in SUBCORPORA}
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        score_doc(doc, find_times(parsed, doc.dct, words), tallies[doc.corpus])
    overall = Tally()
    for t in tallies.values():
        for name in (
            "gold",
            "pred",
            "strict",
            "relaxed",
            "type_ok",
            "date_matched",
            "date_value_ok",
            "value_ok",
            "date_gold",
        ):
            setattr(overall, name, getattr(overall, name) + getattr(t, name))
        overall.misses.extend(t.misses)
    result = {c: summary(t) for c, t in tallies.items()} | {"overall": summary(overall)}
    print(json.dumps(result, indent=2))
    if args.misses:
        for kind in ("missed", "spurious", "value"):
            rows = [m for m in overall.misses if m["kind"] == kind]
            print(f"\n== {kind} ({len(rows)}); most common:")
            for key, n in Counter(
                m["text"].lower() + "  " + m.get("gold", "") + " -> " + m.get("pred", "") for m in rows
            ).most_common(args.misses):
                print(f"{n:4d}  {key}")
    if args.json:
        args.json.write_text(json.dumps(result | {"misses": overall.misses}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
