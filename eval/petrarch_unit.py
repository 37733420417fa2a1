"""Score eventwire on the PETRARCH unit-test records with a KB and verbs imported from the validation dictionaries."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import replace
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
# ours: eventwire's verbs.tsv; imported: the suite's verbs file alone; merged: imported tried before ours.
PATTERN_CHOICES = ("ours", "imported", "merged")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PETR.UnitTest.records.xml")
    parser.add_argument("--dicts", type=Path, default=DEFAULT_DICTS, help="folder with PETR.Validate.* files")
    parser.add_argument("--kb", choices=(*KB_CHOICES, "both"), default="both",
                        help="petrarch: the imported dictionaries alone; merged: imported + default KB")
    parser.add_argument("--verbs", type=Path, help="PETRARCH verbs file (default: DICTS/PETR.Validate.verbs.txt)")
    parser.add_argument("--patterns", choices=(*PATTERN_CHOICES, "all"), default="all",
                        help="ours: eventwire's verb patterns; imported: the --verbs file's; merged: both")
    parser.add_argument("--include-disabled", action="store_true",
                        help='also score sentence="false" records (features PETRARCH never implemented)')
    parser.add_argument("--verbose", action="store_true", help="list every sentence with misses or extras")
    parser.add_argument("--json", type=Path, help="write machine-readable results here")
    return parser.parse_args(argv)


def build_kb(name: str, dicts: Path) -> Any:
    from eventwire.knowledge.actors import load_default_kb
    from eventwire.knowledge.petrarch_actors import read_petrarch_dictionaries

    kb = read_petrarch_dictionaries(dicts / "PETR.Validate.actors.txt", dicts / "PETR.Validate.agents.txt")
    return kb.merged(load_default_kb()) if name == "merged" else kb


def evaluation_codebook(patterns: Any) -> dict[str, Any]:
    """EVALUATION ONLY: the CAMEO codebook plus an entry for every code the patterns use that it lacks.

    The suite's verbs file uses WEIS-like codes (903, 1717, 174K, 025?) that are not CAMEO, and the
    coder drops events whose code is not in its codebook. Here each such code gets a copy of the
    nearest CAMEO entry (its first three, then first two characters) under its own code, or neutral
    values (Goldstein 0, quad class 1, no PLOVER) when there is none. The weights are therefore not
    meaningful; the scorer only compares the raw code's first two characters. Not for real coding.
    """
    from eventwire.knowledge.codebook import CameoCode, load_codebook

    book = dict(load_codebook())
    codes = {c for rows in patterns.by_lemma.values() for p in rows for c in (p.code, p.reverse_code) if c}
    for code in sorted(codes - set(book)):
        near = next((book[c] for c in (code[:3], code[:2]) if c in book), None)
        if near is not None:
            book[code] = replace(near, code=code, name=f"{near.name} (PETRARCH {code}, evaluation only)")
        else:
            book[code] = CameoCode(code, f"PETRARCH {code} (evaluation only)", 0.0, 1, None, None, ())
    return book


def build_patterns(which: str, verbs: Path, nlp: Any) -> Any:
    from dataclasses import replace

    from eventwire.knowledge.patterns import load_patterns, merge_patterns
    from eventwire.knowledge.petrarch_verbs import read_petrarch_discards, read_petrarch_verbs
    from eventwire.nlp.lemmas import spacy_lemmatizer

    if which == "ours":
        return load_patterns()
    imported = read_petrarch_verbs(verbs, spacy_lemmatizer(nlp))
    chosen = imported if which == "imported" else merge_patterns(imported, load_patterns())
    discards = verbs.parent / "PETR.Validate.discards.txt"
    if discards.is_file():
        sentence, story = read_petrarch_discards(discards)
        chosen = replace(chosen, discards=sentence, story_discards=story)
    return chosen


def run(name: str, dicts: Path, records: list[SentenceRecord], verbose: bool,
        which: str = "ours", verbs: Path | None = None) -> dict[str, Any]:
    from eventwire.nlp.model import make_nlp
    from eventwire.pipeline import Coder

    started = time.perf_counter()
    nlp = make_nlp()
    patterns = build_patterns(which, verbs or dicts / "PETR.Validate.verbs.txt", nlp)
    coder = Coder(kb=build_kb(name, dicts), nlp=nlp, patterns=patterns, codebook=evaluation_codebook(patterns))
    scores = score_records(coder, records)
    seconds = time.perf_counter() - started
    summary, categories = summarise(scores), by_category(scores)
    print(f"\nPETRARCH unit tests, KB={name}, patterns={which}, {len(records)} sentences in {seconds:.1f}s")
    print("  " + format_summary(summary))
    for category, cat_summary in sorted(categories.items(), key=lambda kv: kv[1]["share"] or 0):
        print(f"  {category:9s} " + format_summary(cat_summary))
    if verbose:
        print("\n".join(format_misses(scores)))
    return {"kb": name, "patterns": which, "seconds": round(seconds, 2), "summary": summary, "by_category": categories,
            "sentences": scores_as_json(scores)}


def print_comparison(results: list[dict[str, Any]]) -> None:
    """Share of expected triples per category, one column per run."""
    if len(results) < 2:
        return
    heads = [f"{r['kb']}/{r['patterns']}" for r in results]
    print("\nShare of expected triples by category\n  " + f"{'category':10s}" + "".join(f"{h:>18s}" for h in heads))
    cats = sorted({c for r in results for c in r["by_category"]})
    for cat in [*cats, "ALL"]:
        cells = []
        for r in results:
            s = r["summary"] if cat == "ALL" else r["by_category"].get(cat, {})
            cells.append(f"{s['matched']}/{s['expected']} {s['share']:.0%}" if s.get("share") is not None else "n/a")
        print("  " + f"{cat:10s}" + "".join(f"{c:>18s}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not args.data.exists() or not args.dicts.is_dir():
        print(f"data not found: {args.data} / {args.dicts}", file=sys.stderr)
        return 2
    records = [r for r in read_records(args.data) if r.enabled or args.include_disabled]
    names = KB_CHOICES if args.kb == "both" else (args.kb,)
    variants = PATTERN_CHOICES if args.patterns == "all" else (args.patterns,)
    if args.verbs is not None and not args.verbs.exists():
        print(f"verbs file not found: {args.verbs}", file=sys.stderr)
        return 2
    results = [run(name, args.dicts, records, args.verbose, which, args.verbs)
               for name in names for which in variants]
    print_comparison(results)
    if args.json:
        write_json(args.json, {"data": str(args.data), "runs": results})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
