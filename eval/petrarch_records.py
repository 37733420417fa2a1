"""Shared helpers for the PETRARCH evaluations: a tolerant record reader, triple scoring and reports."""

from __future__ import annotations

import html
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

LOG = logging.getLogger(__name__)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "petrarch-validation"
XML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
SENTENCE_TAG = re.compile(r"<Sentence\b([^>]*?)/?>")
CODING_TAG = re.compile(r"<EventCoding\b([^>]*?)/?>")
TEXT_BLOCK = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
PARSE_BLOCK = re.compile(r"<Parse>(.*?)</Parse>", re.DOTALL)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
PLAIN_CODE = re.compile(r"^[A-Z0-9-]+$")

Triple = tuple[str | None, str | None, str]  # (source country, target country, CAMEO root)


@dataclass(frozen=True)
class Coding:
    """One <EventCoding>: the expected source/target actor codes and CAMEO code, or a no-event marker."""

    source: str | None = None
    target: str | None = None
    event: str | None = None
    noevents: bool = False
    error: str | None = None

    @property
    def is_event(self) -> bool:
        return bool(self.event) and not self.noevents and self.error is None

    @property
    def scorable(self) -> bool:
        """Actor codes are dictionary codes, not quoted noun phrases PETRARCH made up ('"INJURY TOLL"')."""
        return self.is_event and all(c is None or PLAIN_CODE.match(c) for c in (self.source, self.target))


@dataclass(frozen=True)
class SentenceRecord:
    id: str
    date: str | None
    category: str | None
    text: str
    codings: tuple[Coding, ...]
    enabled: bool = True  # False for sentence="false" / evaluate="false" records

    @property
    def published(self) -> str | None:
        """The record date as YYYY-MM-DD."""
        d = self.date or ""
        return f"{d[:4]}-{d[4:6]}-{d[6:8]}" if re.fullmatch(r"\d{8}", d) else None

    @property
    def expects_no_events(self) -> bool:
        return not any(c.is_event for c in self.codings)


def attributes(tag_body: str) -> dict[str, str]:
    found = ATTRIBUTE.finditer(tag_body)
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in found}


def clean_code(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def parse_coding(tag_body: str) -> Coding:
    attrs = attributes(tag_body)
    return Coding(
        source=clean_code(attrs.get("sourcecode")),
        target=clean_code(attrs.get("targetcode")),
        event=clean_code(attrs.get("eventcode")),
        noevents=attrs.get("noevents", "").strip().lower() == "true",
        error=clean_code(attrs.get("error")),
    )


def clean_text(raw: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(raw)).strip()


def text_from_conllu(parse: str) -> str:
    """Sentence text rebuilt from a CoNLL-U parse (used when <Text> is empty); '' for other parses."""
    pieces = []
    for line in parse.strip().splitlines():
        cols = line.split("\t")
        if len(cols) < 10 or not cols[0].isdigit():
            continue
        pieces.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    return "".join(pieces).strip()


def record_text(chunk: str) -> str:
    body = TEXT_BLOCK.search(chunk)
    text = clean_text(body.group(1)) if body else ""
    if not text:
        parse = PARSE_BLOCK.search(chunk)
        text = text_from_conllu(parse.group(1)) if parse else ""
    return text


def strip_noise(text: str) -> str:
    """Drop XML comments and the '#' comment lines some files have outside any tag."""
    text = XML_COMMENT.sub("", text)
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


def parse_records(text: str) -> Iterator[SentenceRecord]:
    """Sentence records of either layout: <Sentence> containing its parts, or a self-closed
    <Sentence .../> followed by sibling <EventCoding>/<Text> elements."""
    text = strip_noise(text)
    tags = list(SENTENCE_TAG.finditer(text))
    for i, tag in enumerate(tags):
        chunk = text[tag.end(): tags[i + 1].start() if i + 1 < len(tags) else len(text)]
        attrs = attributes(tag.group(1))
        enabled = all(attrs.get(k, "true").strip().lower() != "false" for k in ("sentence", "evaluate"))
        yield SentenceRecord(
            id=attrs.get("id", f"record-{i}").strip(),
            date=clean_code(attrs.get("date")),
            category=clean_code(attrs.get("category")),
            text=record_text(chunk),
            codings=tuple(parse_coding(m.group(1)) for m in CODING_TAG.finditer(chunk)),
            enabled=enabled,
        )


def read_records(path: Path) -> list[SentenceRecord]:
    return list(parse_records(Path(path).read_text(encoding="utf-8", errors="replace")))


# ---------------------------------------------------------------- scoring


def country_of(code: str | None) -> str | None:
    """The country part of an actor code: its first three letters; None for no code or '---'."""
    if not code or code.startswith("---"):
        return None
    return code[:3].upper()


def root_of(event: str) -> str:
    return event.strip()[:2]


def expected_triples(record: SentenceRecord) -> list[Triple]:
    return [(country_of(c.source), country_of(c.target), root_of(c.event or ""))
            for c in record.codings if c.scorable]


def produced_triples(article: Any) -> list[Triple]:
    """Triples of a CodedArticle's events (source code, target code, CAMEO root)."""
    triples = []
    for event in getattr(article, "events", ()):
        target = event.target.code if event.target is not None else None
        triples.append((country_of(event.source.code), country_of(target), root_of(event.cameo)))
    return triples


@dataclass
class SentenceScore:
    id: str
    category: str | None
    text: str
    expected: list[Triple]
    produced: list[Triple]
    matched: list[Triple] = field(default_factory=list)
    missed: list[Triple] = field(default_factory=list)
    extra: list[Triple] = field(default_factory=list)
    noevents: bool = False
    unscorable: int = 0
    source_root_hits: int = 0


def match(expected: Sequence[Triple], produced: Sequence[Triple]) -> tuple[list, list, list]:
    """Multiset matching: each produced triple can satisfy one expected triple."""
    pool = Counter(produced)
    matched, missed = [], []
    for triple in expected:
        if pool[triple] > 0:
            pool[triple] -= 1
            matched.append(triple)
        else:
            missed.append(triple)
    extra = [t for t, n in pool.items() for _ in range(n)]
    return matched, missed, extra


def source_root_hits(expected: Sequence[Triple], produced: Sequence[Triple]) -> int:
    """Expected triples whose (source, root) some produced event has, ignoring the target."""
    pool = Counter((s, r) for s, _, r in produced)
    hits = 0
    for s, _, r in expected:
        if pool[(s, r)] > 0:
            pool[(s, r)] -= 1
            hits += 1
    return hits


def score_sentence(record: SentenceRecord, produced: list[Triple]) -> SentenceScore:
    expected = expected_triples(record)
    matched, missed, extra = match(expected, produced)
    return SentenceScore(
        id=record.id, category=record.category, text=record.text, expected=expected, produced=produced,
        matched=matched, missed=missed, extra=extra, noevents=record.expects_no_events,
        unscorable=sum(1 for c in record.codings if c.is_event and not c.scorable),
        source_root_hits=source_root_hits(expected, produced),
    )


def share(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def summarise(scores: Iterable[SentenceScore]) -> dict[str, Any]:
    """Totals: expected triples, share produced, extras, no-event sentences that got events."""
    scores = list(scores)
    expected = sum(len(s.expected) for s in scores)
    matched = sum(len(s.matched) for s in scores)
    return {
        "sentences": len(scores),
        "noevents_sentences": sum(1 for s in scores if s.noevents),
        "expected": expected,
        "matched": matched,
        "share": share(matched, expected),
        "source_root_share": share(sum(s.source_root_hits for s in scores), expected),
        "produced": sum(len(s.produced) for s in scores),
        "extra": sum(len(s.extra) for s in scores),
        "noevents_sentences_with_events": sum(1 for s in scores if s.noevents and s.produced),
        "unscorable_codings": sum(s.unscorable for s in scores),
        "sentences_all_found": sum(1 for s in scores if s.expected and not s.missed),
    }


def by_category(scores: Iterable[SentenceScore]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[SentenceScore]] = defaultdict(list)
    for s in scores:
        groups[s.category or "-"].append(s)
    return {cat: summarise(group) for cat, group in sorted(groups.items())}


# ---------------------------------------------------------------- running a coder


def code_records(coder: Any, records: Sequence[SentenceRecord]) -> list[Any]:
    """CodedArticles for the records' texts, through ``code_many`` when the coder has it."""
    items = [(r.text, r.published) for r in records]
    if hasattr(coder, "code_many"):
        from eventwire.records import ArticleText

        return list(coder.code_many([ArticleText(text, published) for text, published in items]))
    return [coder.code(text, published=published) for text, published in items]


def score_records(coder: Any, records: Sequence[SentenceRecord]) -> list[SentenceScore]:
    articles = code_records(coder, records)
    return [score_sentence(r, produced_triples(a)) for r, a in zip(records, articles, strict=True)]


def format_triple(t: Triple) -> str:
    return f"{t[0] or '-'}>{t[1] or '-'}:{t[2]}"


def format_summary(summary: dict[str, Any]) -> str:
    pct = f"{summary['share']:.1%}" if summary["share"] is not None else "n/a"
    sr = f"{summary['source_root_share']:.1%}" if summary["source_root_share"] is not None else "n/a"
    return (f"{summary['matched']}/{summary['expected']} expected triples produced ({pct}); "
            f"source+root {sr}; {summary['extra']} extra events; "
            f"{summary['noevents_sentences_with_events']}/{summary['noevents_sentences']} "
            f"no-event sentences got events")


def format_misses(scores: Iterable[SentenceScore]) -> list[str]:
    lines = []
    for s in scores:
        if not s.missed and not s.extra:
            continue
        lines.append(f"[{s.id}] {s.category or '-'}: {s.text}")
        lines.append(f"    expected {', '.join(map(format_triple, s.expected)) or '(none)'}; "
                     f"produced {', '.join(map(format_triple, s.produced)) or '(none)'}")
        if s.missed:
            lines.append(f"    missed {', '.join(map(format_triple, s.missed))}")
        if s.extra:
            lines.append(f"    extra  {', '.join(map(format_triple, s.extra))}")
    return lines


def write_json(path: Path, payload: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(payload, indent=2, default=list), encoding="utf-8")


def scores_as_json(scores: Iterable[SentenceScore]) -> list[dict[str, Any]]:
    return [asdict(s) for s in scores]
