"""Score quote extraction against PolNeAR dev attributions, read from ../shared (never copied here)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from eventwire import code_text
from eventwire.knowledge.cues import load_cues
from eventwire.nlp.model import load_model
from eventwire.quotes.finder import find_quotes
from eventwire.records import ActorMention, Quote

log = logging.getLogger("eval.polnear")
DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev"
QUOTE_MARKS = "\"'\u201c\u2018\u201e\u00ab"
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    quoted: bool  # the content starts with a quote mark


def _fragments(field: str) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in field.split(";")))


def read_attributions(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions of one brat .ann file (Content required; Source may be absent)."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    links: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            role, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = _fragments(offsets)
        elif line.startswith("E") and len(fields) >= 2:
            links.append(dict(part.split(":", 1) for part in fields[1].split()))
    out = []
    for link in links:
        if "Content" not in link:
            continue
        content = spans[link["Content"]]
        source = spans.get(link.get("Source", ""), ())
        quoted = text[content[0][0] : content[0][0] + 1] in QUOTE_MARKS
        out.append(GoldAttribution(content, source, quoted))
    return out


def _overlap(a: tuple[tuple[int, int], ...], b: tuple[int, int]) -> int:
    return sum(max(0, min(e, b[1]) - max(s, b[0])) for s, e in a)


def _length(a: tuple[tuple[int, int], ...]) -> int:
    return sum(e - s for s, e in a)


def entity_mentions(doc) -> list[ActorMention]:  # type: ignore[no-untyped-def]
    """Stand-in for the actor resolver: named entities, a person keyed by surname, others by name."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        words = [t.text for t in ent if not t.is_punct and t.lower_ != "the" and t.tag_ != "POS"]
        if not words:
            continue
        key = words[-1].lower() if ent.label_ == "PERSON" else " ".join(words).lower()
        out.append(ActorMention(ent.start_char, ent.end_char, ent.text, key, key, "UNK", None, None, None))
    return out


def _gold_entity(gold: GoldAttribution, mentions: list[ActorMention]) -> set[str]:
    return {m.id for m in mentions for s, e in gold.source if m.start < e and s < m.end}


def speaker_ok(quote: Quote, gold: GoldAttribution, mentions: list[ActorMention]) -> bool:
    """The speaker as written overlaps the gold source, or resolves to an entity the gold source names."""
    span = quote.speaker_span
    if span is not None and _overlap(gold.source, (span.start, span.end)) > 0:
        return True
    return quote.speaker is not None and quote.speaker.id in _gold_entity(gold, mentions)


PRONOUN_SOURCES = frozenset({"he", "she", "they", "it", "i", "we", "his", "her", "their", "him", "them"})


def _name_words(text: str) -> set[str]:
    """The capitalised words of a name, lower-cased ("Sen. Tim Kaine" -> sen., tim, kaine)."""
    return {w.strip(".,'’\"").lower() for w in text.split() if w[:1].isupper() and len(w.strip(".,'’\"")) > 2}


def is_named_source(text: str) -> bool:
    """A gold Source that names its referent (not a pronoun, not "the campaign"-like nominal alone)."""
    words = text.split()
    if not words or text.lower() in PRONOUN_SOURCES:
        return False
    return any(w[:1].isupper() for w in words if w.lower() not in ("the", "a", "an"))


@dataclass(frozen=True)
class GoldReferent:
    """Who a gold Source is: its own words when it names someone, else the last named gold Source before it."""

    source: tuple[tuple[int, int], ...]
    words: frozenset[str]
    named: bool


def gold_referents(text: str, golds: list[GoldAttribution]) -> dict[int, GoldReferent]:
    """For each gold attribution (by position in ``golds``), the referent its Source stands for.

    PolNeAR has no coreference: a pronoun or common-noun Source ("he", "the campaign") is taken to refer
    to the nearest earlier gold Source that names someone (a proxy, see docs/accuracy.md).
    """
    order = sorted(range(len(golds)), key=lambda k: golds[k].source[0][0] if golds[k].source else -1)
    out: dict[int, GoldReferent] = {}
    last: frozenset[str] = frozenset()
    for k in order:
        gold = golds[k]
        if not gold.source:
            continue
        src = " ".join(text[s:e] for s, e in gold.source).strip()
        if is_named_source(src):
            last = frozenset(_name_words(src))
            out[k] = GoldReferent(gold.source, last, True)
        else:
            out[k] = GoldReferent(gold.source, last, False)
    return out


def actor_ok(quote: Quote, referent: GoldReferent | None) -> bool:
    """The record's ``speaker`` alone names the right actor: it is a mention, and either its span lies on a
    gold Source that names someone (and it is not a pronoun), or its canonical name shares a name word with
    the gold referent (how a pronoun speaker, resolved to its antecedent, is checked)."""
    speaker = quote.speaker
    if speaker is None or referent is None:
        return False
    if referent.named and speaker.kind != "pronoun" and _overlap(referent.source, (speaker.start, speaker.end)) > 0:
        return True
    return bool(_name_words(speaker.name) & referent.words)


def matching_quotes(gold: GoldAttribution, quotes: list[Quote]) -> list[Quote]:
    """Predicted quotes covering at least half the gold content, alone or with the others of their cue

    (a quotation split by its attribution, '"A," she said. "B."', is one PolNeAR content).
    """
    need = _length(gold.content) / 2
    touching = [q for q in quotes if _overlap(gold.content, (q.start, q.end)) > 0]
    by_id = {q.id: q for q in quotes}
    by_cue: dict[object, int] = {}
    for q in touching:
        key = _group(q, by_id)
        by_cue[key] = by_cue.get(key, 0) + _overlap(gold.content, (q.start, q.end))
    good = {key for key, covered in by_cue.items() if covered >= need}
    return [q for q in touching if _group(q, by_id) in good]


def _group(quote: Quote, by_id: dict[str, Quote]) -> object:
    """The parts of one quote count together: those a record joins (``continues``) and those sharing a cue."""
    first = by_id.get(quote.continues, quote) if quote.continues else quote
    return (first.cue.start, first.cue.end) if first.cue else first.id


def score_article(
    text: str, golds: list[GoldAttribution], quotes: list[Quote], mentions: list[ActorMention]
) -> dict[str, int]:
    """Counts for one article (see docs/accuracy.md for the matching rules)."""
    keys = ("gold", "gold_found", "pred", "pred_ok", "qgold", "qfound", "qspeaker", "qactor", "qsplit")
    counts = dict.fromkeys(keys, 0)
    referents = gold_referents(text, golds)
    for k, gold in enumerate(golds):
        hits = matching_quotes(gold, quotes)
        counts["gold"] += 1
        counts["gold_found"] += bool(hits)
        if gold.quoted:
            counts["qgold"] += 1
            counts["qfound"] += bool(hits)
            counts["qspeaker"] += bool(hits) and speaker_ok(hits[0], gold, mentions)
            counts["qactor"] += bool(hits) and actor_ok(hits[0], referents.get(k))
            counts["qsplit"] += len({q.id for q in hits}) > 1
    for quote in quotes:
        counts["pred"] += 1
        need = (quote.end - quote.start) / 2
        counts["pred_ok"] += any(_overlap(g.content, (quote.start, quote.end)) >= need for g in golds)
    return counts


def first_annotations(folder: Path) -> list[tuple[Path, Path]]:
    """(text, .ann) pairs, the lowest annotator id for articles annotated more than once."""
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, ann)
    return [(folder / "text" / f"{article}.txt", ann) for article, ann in sorted(chosen.items())]


def _published(stem: str) -> str | None:
    """The date in a PolNeAR file name (``publisher_YYYY-MM-DD_slug``)."""
    parts = stem.split("_")
    return parts[1] if len(parts) > 1 and len(parts[1]) == 10 else None


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def summarise(totals: dict[str, int]) -> dict[str, float]:
    p, r = _ratio(totals["pred_ok"], totals["pred"]), _ratio(totals["gold_found"], totals["gold"])
    return {
        "quoted_content_recall": _ratio(totals["qfound"], totals["qgold"]),
        "quoted_speaker_accuracy": _ratio(totals["qspeaker"], totals["qfound"]),
        "quoted_speaker_actor_accuracy": _ratio(totals.get("qactor", 0), totals["qfound"]),
        "content_precision": p,
        "content_recall": r,
        "content_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--json", type=Path, help="write totals and metrics here")
    parser.add_argument("--verbose", action="store_true", help="log each missed quoted attribution")
    parser.add_argument("--stand-in", action="store_true",
                        help="quotes only, with spaCy entities as stand-in mentions (the old, faster mode); "
                             "default: the full pipeline's record (eventwire.code_text)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    if not args.data.is_dir():
        print(f"PolNeAR dev data not found at {args.data}", file=sys.stderr)
        return 2
    pairs = first_annotations(args.data)[: args.limit or None]
    nlp = load_model()
    cues = load_cues()
    totals: dict[str, int] = {}
    parse_s = quote_s = 0.0
    for text_path, ann_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        if args.stand_in:
            doc = nlp(text)
            mentions = entity_mentions(doc)
            t1 = time.perf_counter()
            quotes = find_quotes(doc, mentions, cues)
        else:
            record = code_text(text, published=_published(text_path.stem))
            t1 = time.perf_counter()
            mentions, quotes = list(record.mentions), list(record.quotes)
        quote_s += time.perf_counter() - t1
        parse_s += t1 - t0
        golds = read_attributions(ann_path, text)
        for key, value in score_article(text, golds, quotes, mentions).items():
            totals[key] = totals.get(key, 0) + value
        if args.verbose:
            _log_misses(text, golds, quotes, mentions)
    result = {
        "articles": len(pairs),
        "mode": "stand-in" if args.stand_in else "record",
        **totals,
        **summarise(totals),
        "parse_seconds": round(parse_s, 2),
        "quote_seconds": round(quote_s, 3),
    }
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


def _log_misses(
    text: str, golds: list[GoldAttribution], quotes: list[Quote], mentions: list[ActorMention]
) -> None:
    referents = gold_referents(text, golds)
    for k, gold in enumerate(golds):
        if not gold.quoted:
            continue
        a, b = gold.content[0][0], gold.content[-1][1]
        hits = matching_quotes(gold, quotes)
        src = " / ".join(text[s:e] for s, e in gold.source)
        if not hits:
            log.info("MISS %r  [src %r]", text[a:b][:90], src)
        elif not speaker_ok(hits[0], gold, mentions):
            got = hits[0].speaker_span.text if hits[0].speaker_span else None
            log.info(
                "SPK  %r  want %r got %r (cue %r)",
                text[a:b][:60],
                src,
                got,
                hits[0].cue.text if hits[0].cue else None,
            )
        elif not actor_ok(hits[0], referents.get(k)):
            spk = hits[0].speaker
            ref = referents.get(k)
            log.info(
                "ACT  %r  want %r (%s) got %r",
                text[a:b][:50],
                src,
                sorted(ref.words) if ref else None,
                f"{spk.kind}:{spk.text}->{spk.name} {spk.code}" if spk else None,
            )


if __name__ == "__main__":
    sys.exit(main())
