"""Rebuild the people table from a Wikidata entity dump (``eventwire kb import-wikidata``).

The dump is JSON as Wikidata publishes it (``latest-all.json``, optionally ``.gz`` or ``.bz2``): one entity per
line, the lines of the surrounding array (``[``, ``]``, a trailing comma) allowed. Two passes over the file:

1. humans (``P31`` = ``Q5``) with a "position held" (``P39``), their English label and aliases, the positions'
   start (``P580``) and end (``P582``) qualifiers, and their citizenships (``P27``); and every entity with an ISO
   3166-1 alpha-3 code (``P298``), our country codes;
2. the positions those humans held: their label, classes (``P31``, ``P279``) and country (``P1001`` "applies to
   jurisdiction", else ``P17`` "country").

A position's sector and role come from ``data/actors/wikidata_positions.tsv``. Its country is its jurisdiction's
ISO code; a position with no jurisdiction at all takes the person's citizenship; one whose jurisdiction has no ISO
code (the European Commission's president) is left out, since a citizenship would give it the wrong country.
The rows are ours: ``people.tsv``'s columns, the QID as ``id``, each row's ``source`` naming the statement.
"""

from __future__ import annotations

import bz2
import gzip
import json
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from eventwire.knowledge.actors import DATA
from eventwire.knowledge.tables import read_rows

LOG = logging.getLogger(__name__)
HUMAN = "Q5"
COLUMNS = ("id", "name", "aliases", "code", "country", "sector", "role", "start", "end", "source")
QID = re.compile(r"^Q\d+$")
# Wikidata time precision: 11 day, 10 month, 9 year (coarser ones are not dates of a term of office).
DAY, MONTH, YEAR = 11, 10, 9


@dataclass(frozen=True)
class PositionRule:
    """One row of ``wikidata_positions.tsv``: an item id or a label phrase, and what it codes."""

    match: str
    sector: str
    role: str | None


@dataclass(frozen=True)
class Term:
    """One ``P39`` statement: the position and the days it was held (None: not given)."""

    position: str
    start: date | None
    end: date | None
    note: str = ""


@dataclass
class Human:
    qid: str
    name: str
    aliases: tuple[str, ...]
    terms: list[Term]
    citizenships: list[str]


@dataclass(frozen=True)
class Position:
    qid: str
    label: str
    classes: tuple[str, ...]
    jurisdictions: tuple[str, ...]


@dataclass
class ImportReport:
    """What an import read and wrote, and what it left out and why."""

    lines: int = 0
    bad_lines: int = 0
    people: int = 0
    rows: int = 0
    left_out: Counter[str] = field(default_factory=Counter)


def load_rules(path: Path | None = None) -> tuple[PositionRule, ...]:
    return tuple(PositionRule(r["match"], r["sector"], r.get("role") or None)
                 for r in read_rows(path or DATA / "wikidata_positions.tsv"))


def open_dump(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def entities(path: Path, report: ImportReport | None = None) -> Iterator[dict[str, Any]]:
    """The entities of a dump; a line that is not an entity's JSON is counted and skipped."""
    with open_dump(path) as lines:
        for number, line in enumerate(lines, 1):
            text = line.strip().rstrip(",")
            if text in {"", "[", "]"}:
                continue
            if report is not None:
                report.lines += 1
            try:
                entity = json.loads(text)
            except json.JSONDecodeError:
                entity = None
            if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
                if report is not None:  # the first pass counts and reports it; the second skips it
                    report.bad_lines += 1
                    LOG.warning("%s:%d: not an entity, skipped", path, number)
                continue
            yield entity


def claims(entity: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    """The statements of ``prop`` that are not deprecated."""
    found = (entity.get("claims") or {}).get(prop) or []
    return [c for c in found if isinstance(c, dict) and c.get("rank") != "deprecated"]


def snak_item(snak: dict[str, Any] | None) -> str | None:
    value = ((snak or {}).get("datavalue") or {}).get("value")
    if isinstance(value, dict):
        ident = value.get("id") or (f"Q{value['numeric-id']}" if "numeric-id" in value else None)
        return ident if isinstance(ident, str) else None
    return None


def snak_string(snak: dict[str, Any] | None) -> str | None:
    value = ((snak or {}).get("datavalue") or {}).get("value")
    return value if isinstance(value, str) else None


def snak_day(snak: dict[str, Any] | None) -> tuple[date | None, str]:
    """A time value as a day, and a note when only its month or year is known (the first day is used)."""
    value = ((snak or {}).get("datavalue") or {}).get("value")
    if not isinstance(value, dict):
        return None, ""
    match = re.match(r"^\+(\d{4})-(\d{2})-(\d{2})T", str(value.get("time", "")))
    precision = value.get("precision", DAY)
    if not match or not isinstance(precision, int) or precision < YEAR:
        return None, ""
    year, month, day = (int(g) for g in match.groups())
    try:
        if precision == YEAR:
            return date(year, 1, 1), "only the year known (first day used)"
        if precision == MONTH:
            return date(year, max(month, 1), 1), "only the month known (first day used)"
        return date(year, month, day), ""
    except ValueError:
        return None, ""


def qualifier(statement: dict[str, Any], prop: str) -> dict[str, Any] | None:
    found = (statement.get("qualifiers") or {}).get(prop) or []
    return found[0] if found and isinstance(found[0], dict) else None


def english(entity: dict[str, Any]) -> tuple[str | None, tuple[str, ...]]:
    label = ((entity.get("labels") or {}).get("en") or {}).get("value")
    aliases = tuple(a["value"] for a in (entity.get("aliases") or {}).get("en") or []
                    if isinstance(a, dict) and isinstance(a.get("value"), str))
    return (label if isinstance(label, str) else None), aliases


def read_human(entity: dict[str, Any]) -> Human | None:
    if HUMAN not in {snak_item(c.get("mainsnak")) for c in claims(entity, "P31")}:
        return None
    name, aliases = english(entity)
    terms = []
    for statement in claims(entity, "P39"):
        position = snak_item(statement.get("mainsnak"))
        if position is None:
            continue
        start, start_note = snak_day(qualifier(statement, "P580"))
        end, end_note = snak_day(qualifier(statement, "P582"))
        terms.append(Term(position, start, end, "; ".join(filter(None, (start_note and f"start: {start_note}",
                                                                        end_note and f"end: {end_note}")))))
    if not name or not terms:
        return None
    citizenships = [q for c in claims(entity, "P27") if (q := snak_item(c.get("mainsnak")))]
    return Human(entity["id"], name, aliases, terms, citizenships)


def read_position(entity: dict[str, Any]) -> Position:
    label, _ = english(entity)
    classes = tuple(q for p in ("P31", "P279") for c in claims(entity, p) if (q := snak_item(c.get("mainsnak"))))
    places = tuple(q for p in ("P1001", "P17") for c in claims(entity, p) if (q := snak_item(c.get("mainsnak"))))
    return Position(entity["id"], label or "", classes, places)


def rule_for(position: Position, rules: tuple[PositionRule, ...]) -> PositionRule | None:
    items = {position.qid, *position.classes}
    for rule in rules:
        if QID.match(rule.match) and rule.match in items:
            return rule
    label = f" {re.sub(r'[^a-z]+', ' ', position.label.lower()).strip()} "
    for rule in rules:
        if not QID.match(rule.match) and f" {rule.match} " in label:
            return rule
    return None


def import_people(path: Path | str, rules: tuple[PositionRule, ...] | None = None
                  ) -> tuple[list[dict[str, str]], ImportReport]:
    """The people table's rows from a dump, and the report of what was read and left out."""
    path = Path(path)
    rules = rules if rules is not None else load_rules()
    report = ImportReport()
    humans: list[Human] = []
    iso3: dict[str, str] = {}
    for entity in entities(path, report):
        code = next((s for c in claims(entity, "P298") if (s := snak_string(c.get("mainsnak")))), None)
        if code and re.fullmatch(r"[A-Z]{3}", code):
            iso3[entity["id"]] = code
        human = read_human(entity)
        if human is not None:
            humans.append(human)
    wanted = {t.position for h in humans for t in h.terms}
    positions = {e["id"]: read_position(e) for e in entities(path) if e["id"] in wanted}
    rows: list[dict[str, str]] = []
    for human in humans:
        own = [r for r in human_rows(human, positions, iso3, rules, report)]
        if own:
            own[0]["aliases"] = "|".join(a for a in human.aliases if a != human.name)
            rows.extend(own)
            report.people += 1
    report.rows = len(rows)
    return rows, report


def human_rows(human: Human, positions: dict[str, Position], iso3: dict[str, str],
               rules: tuple[PositionRule, ...], report: ImportReport) -> Iterator[dict[str, str]]:
    citizen = next((iso3[c] for c in human.citizenships if c in iso3), None)
    for term in human.terms:
        position = positions.get(term.position)
        if position is None:
            report.left_out["position not in the dump"] += 1
            continue
        rule = rule_for(position, rules)
        if rule is None:
            report.left_out["position no rule matches"] += 1
            continue
        if position.jurisdictions:
            country = next((iso3[j] for j in position.jurisdictions if j in iso3), None)
        else:
            country = citizen
        if country is None:
            report.left_out["no country code"] += 1
            continue
        source = f"Wikidata {human.qid} P39 {position.qid} ({position.label})"
        yield {"id": human.qid, "name": human.name, "aliases": "", "code": "", "country": country,
               "sector": rule.sector, "role": rule.role or position.label,
               "start": term.start.isoformat() if term.start else "",
               "end": term.end.isoformat() if term.end else "",
               "source": f"{source}; {term.note}" if term.note else source}


def render_table(rows: list[dict[str, str]], dump: str) -> str:
    """The people table as text, with a header comment saying where it comes from."""
    clean = [{k: re.sub(r"[\t\r\n|]+", " ", v) if k != "aliases" else re.sub(r"[\t\r\n]+", " ", v)
              for k, v in r.items()} for r in rows]
    header = (f"# people: imported by `eventwire kb import-wikidata` from {Path(dump).name} (Wikidata, CC0);\n"
              "# columns as in the bundled people.tsv (docs/knowledge-base.md); use it with --people-table FILE.\n")
    body = ["\t".join(COLUMNS)] + ["\t".join(r[c] for c in COLUMNS) for r in clean]
    return header + "\n".join(body) + "\n"
