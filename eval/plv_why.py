"""Why PLV sentences miss: for each sentence the record gets wrong, the cause, by class and by governing verb.

Codes each PLV train sentence alone with `eventwire.code_text(...).to_dict()` (as `eval/plv.py` does) and watches
the event finder: the governing word is the lowest common head of the marked source and target (or the source's
head word with no target). A miss is put down to one cause:

  no_pattern      the governing word has no pattern at all (a lexicon gap)
  no_match        it has patterns, but none matched its parse (particle, complement or preposition missing)
  no_source       a pattern matched, but no actor was found as its source
  no_target       a pattern matched and had a source, but no target (and the deed is not one-sided)
  frame_dropped   a pattern matched with source and target, and the frame dropped it ("failed to ...")
  wrong_code      the governing word coded an event, of another PLOVER category than the gold one
  wrong_actors    the governing word coded the gold category, with other actors than those marked
  elsewhere       the governing word is not where the record went wrong (another word's event, or parse)

Each cause is counted, and per cause and gold category the governing lemmas most often seen.

    PYTHONPATH=src .venv/bin/python eval/plv_why.py [--limit N] [--category REQUEST] [--show N] [--json out.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plv import DATA, SCORER, load_scorer  # noqa: E402

CAUSES = ("no_pattern", "no_match", "no_source", "no_target", "frame_dropped", "wrong_code", "wrong_actors",
          "elsewhere")
SLOTS = {"prt", "dobj", "xcomp", "prep", "ccomp"}  # the children a no_match lemma is shown with


def span_root(doc: Any, span: tuple[int, int] | None) -> Any:
    """The syntactic head of the tokens overlapping a character span."""
    if span is None:
        return None
    toks = [t for t in doc if t.idx < span[1] and t.idx + len(t.text) > span[0]]
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return roots[0] if roots else None


def governing(src: Any, tgt: Any) -> Any:
    """The lowest common head of the source and target words; with no target, the source's nearest verb head."""
    if src is None:
        return None
    if tgt is None:
        node = src.head
        while node.pos_ not in {"VERB", "NOUN", "ADJ"} and node.head.i != node.i:
            node = node.head
        return node
    ups = {t.i for t in [src, *src.ancestors]}
    for node in [tgt, *tgt.ancestors]:
        if node.i in ups:
            if node.i in {src.i, tgt.i}:  # one holds the other ("the FBI's raid"): its head governs
                return node.head
            return node
    return src.sent.root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--category", help="only sentences of this gold category")
    parser.add_argument("--show", type=int, default=0, help="print N misses per cause")
    parser.add_argument("--top", type=int, default=12, help="lemmas listed per cause and category")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    import eventwire
    import eventwire.events.finder as finder
    import eventwire.pipeline as pipeline
    from eventwire.events.frame import code_for, modality_of
    from eventwire.events.subjects import subject_tokens
    from eventwire.events.targets import target_tokens
    from eventwire.knowledge.codebook import lookup as cameo

    scorer = load_scorer(SCORER)
    seen: dict[str, Any] = {}
    calls: list[tuple[int, str, str]] = []  # (token index, code, outcome)
    real_find, real_code = finder.find_events, finder.code_trigger

    def find_events(doc: Any, mentions: Any, patterns: Any, place_country: Any = None, parties: Any = None) -> Any:
        seen["doc"], seen["patterns"] = doc, patterns
        return real_find(doc, mentions, patterns, place_country, parties)

    def code_trigger(doc: Any, tok: Any, anchor: Any, pattern: Any, lookup: Any, patterns: Any,
                     place_country: Any = None) -> Any:
        events = real_code(doc, tok, anchor, pattern, lookup, patterns, place_country)
        outcome = "events"
        if not events:
            sources = [m for m in (lookup.for_phrase(s, owners=True) for s in subject_tokens(tok)) if m]
            targets = [m for m in (lookup.for_phrase(t, owners=True, places=True)
                                   for t in target_tokens(tok, anchor, pattern, lookup)) if m]
            negated, kind = modality_of(anchor if anchor.dep_ == "xcomp" else tok, patterns)
            if not sources and not pattern.source:
                outcome = "no_source"
            elif code_for(pattern, kind, negated, patterns) is None:
                outcome = "frame_dropped"
            elif not targets:
                outcome = "no_target"
            else:
                outcome = "frame_dropped"
        calls.append((tok.i, pattern.code, outcome))
        return events

    pipeline.find_events = find_events  # type: ignore[assignment]
    finder.code_trigger = code_trigger  # type: ignore[assignment]

    rows = list(csv.DictReader(args.data.open(encoding="utf-8"), delimiter="\t"))[: args.limit]
    if args.category:
        rows = [r for r in rows if r["gold_root"] == args.category]
    causes: Counter[str] = Counter()
    lemmas: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    shown: Counter[str] = Counter()
    targetless: Counter[str] = Counter()
    examples: list[dict[str, Any]] = []
    right = 0
    for r in rows:
        text, s, t = scorer.spans(r["marked_sentence"])
        if r["target"].strip().lower() in ("a recipient", ""):
            t = None
        gold = r["gold_root"]
        same = scorer.SAME.get(gold, {gold})
        calls.clear()
        record = eventwire.code_text(text, published="2019-06-01").to_dict()
        events = record.get("events") or []
        cat = [e for e in events if (e.get("plover") or {}).get("type") in same]
        pair = [e for e in events if scorer.over(e.get("source"), s) and (t is None or scorer.over(e.get("target"), t))]
        if any(e in pair for e in cat):
            right += 1
            continue
        doc, patterns = seen["doc"], seen["patterns"]
        gov = governing(span_root(doc, s), span_root(doc, t))
        lemma = "?" if gov is None else patterns.lemma_of(gov.lower_, gov.lemma_.lower())
        here = [(code, outcome) for i, code, outcome in calls if gov is not None and i == gov.i]
        coded = [code for code, outcome in here if outcome == "events"]
        if gov is None:
            cause = "elsewhere"
        elif coded:
            types = {cameo(code).plover_type for code in coded}
            cause = "wrong_actors" if types & same else "wrong_code"
            if cause == "wrong_code":
                lemma = f"{lemma}:{'/'.join(sorted(set(coded)))}"
        elif here:
            cause = next(o for o in ("frame_dropped", "no_target", "no_source") if o in {x for _, x in here})
        elif not patterns.for_token(lemma, gov.pos_):
            cause = "no_pattern"
            if gov.pos_ not in {"VERB", "AUX"}:
                lemma = f"{lemma}/{gov.pos_}"
        else:
            cause = "no_match"
            parts = sorted(f"{c.dep_}:{c.lemma_.lower()}" for c in gov.children if c.dep_ in SLOTS)
            lemma = f"{lemma}[{' '.join(parts)}]"
        causes[cause] += 1
        lemmas[(cause, gold)][lemma] += 1
        got = [((e.get("source") or {}).get("text"), e.get("cameo"), (e.get("target") or {}).get("text"))
               for e in events]
        # Whether the marked target is an actor mention of the record at all (if not, no trigger can reach it).
        target_coded = t is None or any(scorer.over(m, t) for m in record.get("mentions") or [] if m.get("code"))
        targetless[cause] += not target_coded
        examples.append({"gold": gold, "cause": cause, "lemma": lemma, "sentence": r["marked_sentence"], "got": got,
                         "target_coded": target_coded})
        if shown[cause] < args.show:
            shown[cause] += 1
            print(f"{cause} {gold} [{lemma}]: {r['marked_sentence'][:220]}\n     got {got}")
    print(f"{len(rows)} sentences, {right} right, {len(rows) - right} missed")
    for cause in CAUSES:
        if not causes[cause]:
            continue
        print(f"\n{cause}: {causes[cause]} ({targetless[cause]} whose marked target is no coded actor mention)")
        for (c, gold), counter in sorted(lemmas.items()):
            if c == cause:
                top = ", ".join(f"{k} {v}" for k, v in counter.most_common(args.top))
                print(f"  {gold} ({sum(counter.values())}): {top}")
    if args.json:
        args.json.write_text(json.dumps({"causes": dict(causes), "misses": examples}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
