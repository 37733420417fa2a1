"""Score toponym detection and placement on GeoWebNews (GWN.xml); also the scorer eval/lgl.py reuses."""

from __future__ import annotations

import argparse
import json
import math
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.knowledge.gazetteer import load_place_knowledge
from eventwire.knowledge.gazetteer_index import normalise_name
from eventwire.places import Toponym, find_toponyms
from eventwire.records import Place

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
DEFAULT = SHARED / "geowebnews" / "GWN.xml"
KM = 161.0  # the customary "within 100 miles" tolerance of geoparsing evaluation
# GWN types whose place name stands for a location (the rest are metonymic or non-locational readings).
LITERAL_TYPES = frozenset({"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal", "Coercion"})


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    kind: str = ""


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, object]] = field(default_factory=list)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a 6371 km sphere."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def read_gwn(path: Path) -> list[tuple[str, list[Gold]]]:
    docs = []
    for article in ET.parse(path).getroot():
        golds = []
        for t in article.find("toponyms") or ():
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            if lat and lon:
                golds.append(Gold(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                  t.findtext("extractedName") or "", float(lat), float(lon),
                                  t.findtext("type") or ""))
        docs.append((article.findtext("text") or "", golds))
    return docs


def score_doc(tally: Tally, toponyms: Sequence[Toponym], golds: Sequence[Gold], literal_only: bool) -> None:
    """Add one document: relaxed-overlap detection and within-161-km placement."""
    # Literal-only scoring uses what find_places() returns: names used as locations (no metonyms, demonyms
    # or names embedded in organisation names).
    preds = [t.place for t in toponyms if not (literal_only and (t.metonym or t.kind != "name"))]
    # Corpora without reading types (LGL) annotate locations only: all their gold counts as literal.
    golds = [g for g in golds if not literal_only or not g.kind or g.kind in LITERAL_TYPES]
    score_places(tally, preds, golds)


def score_places(tally: Tally, preds: Sequence[Place], golds: Sequence[Gold]) -> None:
    """Add one document's predicted places against its gold toponyms."""
    tally.counts["pred"] += len(preds)
    tally.counts["pred_hit"] += sum(any(overlaps(p.start, p.end, g.start, g.end) for g in golds) for p in preds)
    for g in golds:
        hits = [p for p in preds if overlaps(p.start, p.end, g.start, g.end)]
        placed = [p for p in hits if p.lat is not None and p.lon is not None]
        close = any(distance_km(p.lat, p.lon, g.lat, g.lon) <= KM for p in placed)  # type: ignore[arg-type]
        tally.counts["gold"] += 1
        tally.counts["gold_found"] += bool(hits)
        tally.counts["gold_close"] += close
        tally.by_kind[f"{g.kind or 'all'}:gold"] += 1
        tally.by_kind[f"{g.kind or 'all'}:close"] += close
        if not close:
            tally.misses.append({"gold": g.text, "kind": g.kind, "found": [p.name for p in hits],
                                 "km": [round(distance_km(p.lat, p.lon, g.lat, g.lon))  # type: ignore[arg-type]
                                        for p in placed]})


def summarise(tally: Tally) -> dict[str, object]:
    c = tally.counts
    precision = c["pred_hit"] / c["pred"] if c["pred"] else 0.0
    recall = c["gold_found"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    kinds = sorted({k.split(":")[0] for k in tally.by_kind})
    return {
        "gold_toponyms": c["gold"], "predicted": c["pred"],
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "placed_within_161km": round(c["gold_close"] / c["gold"], 4) if c["gold"] else 0.0,
        "placed_within_161km_of_found": round(c["gold_close"] / c["gold_found"], 4) if c["gold_found"] else 0.0,
        "by_gold_type": {k: [tally.by_kind[f"{k}:gold"], round(tally.by_kind[f"{k}:close"]
                                                               / tally.by_kind[f"{k}:gold"], 3)]
                         for k in kinds} if len(kinds) > 1 else {},
    }


def evaluate(docs: Iterable[tuple[str, list[Gold]]], demonyms: frozenset[str] = frozenset()) -> dict[str, object]:
    """Score all toponyms (metonyms included) and, separately, locations only against literal gold; then the
    record a user gets (``Coder.code(text).places``): every place against all gold (``record``), the same
    without the gold spans that are demonyms (``record_no_demonyms``: ``is_demonym``), and the places read as
    locations ("literal" or "both" names: what an event may happen at) against literal gold
    (``record_locations``)."""
    from eventwire.pipeline import Coder
    from eventwire.places import is_location

    docs = list(docs)
    coder = Coder()
    nlp = coder.nlp
    known = load_place_knowledge()
    everything, literal = Tally(), Tally()
    record, no_demonyms, locations = Tally(), Tally(), Tally()
    for (text, golds), doc in zip(docs, nlp.pipe(d[0] for d in docs), strict=True):
        toponyms = find_toponyms(doc, known, include_demonyms=True, include_embedded=True)
        score_doc(everything, toponyms, golds, literal_only=False)
        score_doc(literal, toponyms, golds, literal_only=True)
        places = list(coder.code(text).places)
        score_places(record, places, golds)
        score_places(no_demonyms, places, [g for g in golds if not is_demonym(g, demonyms)])
        score_places(locations, [p for p in places if is_location(p)],
                     [g for g in golds if not g.kind or g.kind in LITERAL_TYPES])
    return {"documents": len(docs), "toponyms": summarise(everything), "locations": summarise(literal),
            "record": summarise(record), "record_no_demonyms": summarise(no_demonyms),
            "record_locations": summarise(locations), "misses": everything.misses, "record_misses": record.misses}


DEMONYM_TYPES = frozenset({"Demonym", "Language"})


def is_demonym(gold: Gold, demonyms: frozenset[str]) -> bool:
    """A gold span that names a people or language rather than a place ("Russian", "Canadians"): GWN's types
    say so (its Demonym and Language spans carry no coordinates, so they never count), and so does the text
    of any gold span that is a demonym of our table (GWN's adjective modifiers, LGL's untyped spans)."""
    return gold.kind in DEMONYM_TYPES or normalise_name(gold.text) in demonyms


def demonym_words() -> frozenset[str]:
    """Every demonym the place knowledge knows, normalised (to count untyped gold both ways)."""
    return frozenset(load_place_knowledge().demonyms)


def run(argv: list[str] | None, default: Path, reader: object) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write the summary and the misses here")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    result = evaluate(reader(args.data)[: args.limit], demonym_words())  # type: ignore[operator]
    print(json.dumps({k: v for k, v in result.items() if not k.endswith("misses")}, indent=2))
    for miss in result["record_misses"][: args.misses]:  # type: ignore[index]
        print(miss)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(argv, DEFAULT, read_gwn)


if __name__ == "__main__":
    raise SystemExit(main())
