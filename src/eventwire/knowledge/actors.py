"""The actor knowledge base: countries, institutions, sector phrases, organisations and people, read from data files."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from eventwire.knowledge.tables import parse_day, read_rows, split_list


@dataclass(frozen=True)
class Role:
    """One time-bounded role of an actor: the code it carries between start and end (inclusive)."""

    country: str | None
    sector: str | None
    code: str
    role: str | None = None
    start: date | None = None
    end: date | None = None

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Actor:
    """A named actor (person or organisation) with its names and its roles over time."""

    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    kind: str = "person"  # person | organisation

    def role_on(self, day: date | None) -> Role | None:
        """The role in force on ``day``; else, out of office after a role, that role's country's elite
        (``former_role``); else the first role."""
        current = [r for r in self.roles if r.holds_on(day)]
        if current:
            # Prefer the most specific (latest-starting) role in force.
            return max(current, key=lambda r: r.start or date.min)
        if day is not None:
            earlier = [r for r in self.roles if r.end is not None and r.end < day]
            if earlier:
                return former_role(max(earlier, key=lambda r: r.end or date.min))
            if self.roles and all(r.start is not None and day < r.start for r in self.roles):
                return before_office(self.roles[0])
        return self.roles[0] if self.roles else None


def before_office(first: Role) -> Role:
    """Before the first post the file records, only the person's country is known: "Takaichi" in a 2015
    article is ``JPN``, not ``JPNGOV`` "Prime Minister" (she was a minister then, but the file does not say
    so). A post with no country (an international organisation's) is kept as it was."""
    if first.country is None:
        return first
    end = first.start - timedelta(days=1) if first.start else None
    return Role(first.country, None, first.country, None, None, end)


def former_role(last: Role) -> Role:
    """A former office-holder is one of the country's elite (CAMEO's ``ELI``, as PETRARCH's dictionaries date
    ex-presidents): "Ishiba" after October 2025 is ``JPNELI``, "former Prime Minister", no longer ``JPNGOV``.
    A role with no country (an international organisation's post) is kept as it was: the KB does not record
    the person's nationality."""
    if last.country is None or last.sector in {None, "ELI"}:
        return last
    role = f"former {last.role}" if last.role else None
    start = last.end + timedelta(days=1) if last.end else None
    return Role(last.country, "ELI", f"{last.country}ELI", role, start, None)


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str | None
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    capital_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Institution:
    """A metonymic institution name: "the Kremlin" stands for the Russian government."""

    phrase: str
    country: str
    sector: str
    name: str


@dataclass(frozen=True)
class SectorPhrase:
    """A role phrase ("foreign ministry", "troops") that names a sector when tied to a country."""

    phrase: str
    sector: str
    role: str | None = None


@dataclass(frozen=True)
class KnowledgeBase:
    countries: tuple[Country, ...]
    institutions: tuple[Institution, ...]
    sectors: tuple[SectorPhrase, ...]
    actors: tuple[Actor, ...]
    extra: dict[str, str] = field(default_factory=dict)

    def country(self, iso3: str) -> Country | None:
        return next((c for c in self.countries if c.iso3 == iso3), None)

    def merged(self, other: KnowledgeBase) -> KnowledgeBase:
        """A new base whose entries are ours followed by ``other``'s (ours win on ties)."""
        return KnowledgeBase(
            countries=self.countries + other.countries,
            institutions=self.institutions + other.institutions,
            sectors=self.sectors + other.sectors,
            actors=self.actors + other.actors,
        )


DATA = resources.files("eventwire") / "data" / "actors"


def read_countries(path: Path | Traversable) -> tuple[Country, ...]:
    return tuple(
        Country(
            iso3=r["iso3"], iso2=r.get("iso2") or None, name=r["name"],
            aliases=split_list(r.get("aliases")), demonyms=split_list(r.get("demonyms")),
            capital=r.get("capital") or None, capital_aliases=split_list(r.get("capital_aliases")),
        )
        for r in read_rows(path)
    )


def read_institutions(path: Path | Traversable) -> tuple[Institution, ...]:
    return tuple(
        Institution(phrase=r["phrase"], country=r["country"], sector=r["sector"], name=r["name"])
        for r in read_rows(path)
    )


def read_sectors(path: Path | Traversable) -> tuple[SectorPhrase, ...]:
    return tuple(
        SectorPhrase(phrase=r["phrase"], sector=r["sector"], role=r.get("role") or None)
        for r in read_rows(path)
    )


def group_actors(rows: Iterable[dict[str, str]], kind: str) -> tuple[Actor, ...]:
    """Rows sharing an id become one actor with several roles (people.tsv, organisations.tsv)."""
    by_id: dict[str, dict] = {}
    for r in rows:
        entry = by_id.setdefault(r["id"], {"name": r["name"], "aliases": [], "roles": []})
        for alias in split_list(r.get("aliases")):
            if alias not in entry["aliases"]:
                entry["aliases"].append(alias)
        country = r.get("country") or None
        sector = r.get("sector") or None
        code = r.get("code") or f"{country or ''}{sector or ''}"
        entry["roles"].append(Role(country, sector, code, r.get("role") or None,
                                   parse_day(r.get("start")), parse_day(r.get("end"))))
    return tuple(Actor(i, e["name"], tuple(e["aliases"]), tuple(e["roles"]), kind) for i, e in by_id.items())


@functools.lru_cache(maxsize=1)
def load_default_kb() -> KnowledgeBase:
    """The knowledge base shipped in ``eventwire/data/actors``."""
    return KnowledgeBase(
        countries=read_countries(DATA / "countries.tsv"),
        institutions=read_institutions(DATA / "institutions.tsv"),
        # Our role phrases first, then the generic agent nouns derived from PETRARCH-2 (ours win on a tie).
        sectors=read_sectors(DATA / "sectors.tsv") + read_sectors(DATA / "agents_phoenix.tsv"),
        actors=group_actors(read_rows(DATA / "people.tsv"), "person")
        + group_actors(read_rows(DATA / "organisations.tsv"), "organisation"),
    )
