"""The actor knowledge base: countries, institutions, sector phrases, organisations and people, read from data files."""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
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
    source: str | None = None  # where the fact comes from (the row's ``source``)

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
        (``former_role``; an organisation that ended, "the Department for International Development" after 2020 or
        the Wagner Group after 2023, is still what it last was: no body becomes a former office-holder); else the
        first role."""
        current = [r for r in self.roles if r.holds_on(day)]
        if current:
            # Prefer the most specific (latest-starting) role in force.
            return max(current, key=lambda r: r.start or date.min)
        if day is not None:
            earlier = [r for r in self.roles if r.end is not None and r.end < day]
            if earlier:
                last = max(earlier, key=lambda r: r.end or date.min)
                return last if self.kind == "organisation" else former_role(last)
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
    return Role(first.country, None, first.country, None, None, end, first.source)


def former_role(last: Role) -> Role:
    """A former office-holder is one of the country's elite (CAMEO's ``ELI``, as PETRARCH's dictionaries date
    ex-presidents): "Ishiba" after October 2025 is ``JPNELI``, "former Prime Minister", no longer ``JPNGOV``.
    A role with no country (an international organisation's post) is kept as it was: the KB does not record
    the person's nationality."""
    if last.country is None or last.sector in {None, "ELI"}:
        return last
    role = f"former {last.role}" if last.role else None
    start = last.end + timedelta(days=1) if last.end else None
    return Role(last.country, "ELI", f"{last.country}ELI", role, start, None, last.source)


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
                                   parse_day(r.get("start")), parse_day(r.get("end")), r.get("source") or None))
    return tuple(Actor(i, e["name"], tuple(e["aliases"]), tuple(e["roles"]), kind) for i, e in by_id.items())


@functools.lru_cache(maxsize=1)
def load_default_kb() -> KnowledgeBase:
    """The curated knowledge base shipped in ``eventwire/data/actors`` (without the broad layer)."""
    return KnowledgeBase(
        countries=read_countries(DATA / "countries.tsv"),
        institutions=read_institutions(DATA / "institutions.tsv"),
        # Our role phrases first, then the generic agent nouns derived from PETRARCH-2 (ours win on a tie).
        sectors=read_sectors(DATA / "sectors.tsv") + read_sectors(DATA / "agents_phoenix.tsv"),
        actors=group_actors(read_rows(DATA / "people.tsv"), "person")
        + group_actors(read_rows(DATA / "organisations.tsv"), "organisation"),
    )


BROAD_FILES = (("broad_people.tsv", "person"), ("broad_organisations.tsv", "organisation"))


@functools.lru_cache(maxsize=1)
def load_broad_actors() -> tuple[Actor, ...]:
    """The broad layer (``broad_*.tsv``, built by ``scripts/build_broad_kb.py`` from PETRARCH2's Phoenix
    dictionaries); empty when the files are not there."""
    actors: tuple[Actor, ...] = ()
    for name, kind in BROAD_FILES:
        path = DATA / name
        if path.is_file():
            actors += group_actors(read_rows(path), kind)
    return actors


def read_people_table(path: Path | str) -> tuple[Actor, ...]:
    """A user's people table in our format (``people.tsv``'s columns), e.g. from ``eventwire kb import-wikidata``.
    ``ValueError`` names the file when it is not one."""
    path = Path(path)
    try:
        rows = list(read_rows(path))
        missing = {"id", "name"} - set(rows[0]) if rows else set()
        if missing:
            raise ValueError(f"missing column(s) {', '.join(sorted(missing))}")
        return group_actors(rows, "person")
    except (ValueError, KeyError) as err:
        raise ValueError(f"{path}: not a people table: {err}") from None


@functools.lru_cache(maxsize=4)
def load_kb(broad: bool = True, people: str | None = None) -> KnowledgeBase:
    """The knowledge base a coder uses: a user's ``people`` table (if any) over the curated tables over the broad
    layer (if ``broad``). An upper layer's roles win on every day they speak for (``layer_actors``)."""
    kb = load_default_kb()
    actors = kb.actors
    if people:
        actors = layer_actors(read_people_table(people), actors, kb)
    if broad:
        actors = layer_actors(actors, load_broad_actors(), kb)
    return KnowledgeBase(countries=kb.countries, institutions=kb.institutions, sectors=kb.sectors, actors=actors)


# ---------------------------------------------------------------- layers


def name_key(name: str) -> str:
    """A name compared across layers: lower case, accents, dots, hyphens and "the" dropped ("Ban Ki-moon" is
    "ban ki moon", "Sergey V. Lavrov" is "sergey v lavrov")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.split(r"[\s.\-_]+", plain)
    return " ".join(w for w in words if w and w != "the")


def actor_keys(actor: Actor) -> list[str]:
    return list(dict.fromkeys(name_key(n) for n in (actor.name, *actor.aliases) if name_key(n)))


Interval = tuple[date | None, date | None]


def subtract(role: Role, covered: list[Interval]) -> list[Role]:
    """The parts of ``role``'s span that no interval of ``covered`` touches (inclusive ends)."""
    parts: list[Interval] = [(role.start, role.end)]
    for c_start, c_end in covered:
        kept: list[Interval] = []
        for start, end in parts:
            lo = start or date.min
            hi = end or date.max
            c_lo = c_start or date.min
            c_hi = c_end or date.max
            if c_hi < lo or hi < c_lo:
                kept.append((start, end))
                continue
            if lo < c_lo:
                kept.append((start, c_lo - timedelta(days=1)))
            if c_hi < hi:
                kept.append((c_hi + timedelta(days=1), end))
        parts = kept
    return [dataclasses.replace(role, start=s, end=e) for s, e in parts]


def spoken_for(roles: tuple[Role, ...]) -> list[Interval]:
    """The days an upper layer's record of an actor speaks for: from its first recorded role on. Between and
    after its roles the upper record still speaks (the person is a former office-holder, ``former_role``): a
    lower layer's open-ended role of 2016 ("governor of the central bank since 2008") must not fill a gap that
    the upper table leaves on purpose."""
    if not roles:
        return []
    starts = [r.start for r in roles]
    return [(None if None in starts else min(s for s in starts if s is not None), None)]


def under(upper: Actor, lower: Actor) -> Actor:
    """One actor from two records of it: the upper one's roles, then the lower one's on the days before the
    upper one's first role (``spoken_for``); the upper one's id, name and kind; the names of both."""
    covered = spoken_for(upper.roles)
    extra = tuple(part for r in lower.roles for part in subtract(r, covered))
    aliases = tuple(dict.fromkeys((*upper.aliases, *(a for a in (lower.name, *lower.aliases) if a != upper.name))))
    return dataclasses.replace(upper, aliases=aliases, roles=upper.roles + extra)


def reserved_keys(kb: KnowledgeBase) -> set[str]:
    """Names a lower layer may not give an actor: the countries' names, aliases, demonyms and capitals, and the
    institutions' phrases ("Jordan", "New Mexico" is not ours to give, "Kremlin")."""
    names: set[str] = set()
    for c in kb.countries:
        names.update(name_key(n) for n in (c.name, *c.aliases, *c.demonyms, *filter(None, (c.capital,)),
                                          *c.capital_aliases))
    names.update(name_key(i.phrase) for i in kb.institutions)
    return names


def same_actor(actor: Actor, keys: list[str], upper: tuple[Actor, ...], by_key: dict[str, int]) -> int | None:
    """The index of the upper actor ``actor`` is: one of the same kind whose name is one of its names of two
    words or more, or that has its name among its own. One alias is not enough: PETRARCH files a spokesman's name
    under the armed forces he speaks for ("John Kirby" under the US military)."""
    own = name_key(actor.name)
    for key in keys:
        i = by_key.get(key)
        if i is None or " " not in key or upper[i].kind != actor.kind:
            continue
        if key == own or key == name_key(upper[i].name):
            return i
    return None


def layer_actors(upper: tuple[Actor, ...], lower: tuple[Actor, ...], kb: KnowledgeBase) -> tuple[Actor, ...]:
    """``upper``'s actors with ``lower``'s under them.

    A lower actor sharing a name of two words or more with an upper one (its own or the upper one's name,
    ``same_actor``) is the same actor (``under``: the
    upper record speaks from its first role on, the lower one's roles fill the days before it, each role keeps
    its source). A
    lower actor's other names are dropped where an upper actor, a country or an institution already has them;
    a lower actor whose own name is so taken is dropped. Upper actors keep their order and come first."""
    by_key: dict[str, int] = {}
    for i, actor in enumerate(upper):
        for key in actor_keys(actor):
            by_key.setdefault(key, i)
    merged = list(upper)
    reserved = reserved_keys(kb)
    taken = reserved | set(by_key)
    added: list[Actor] = []
    for actor in lower:
        keys = actor_keys(actor)
        same = same_actor(actor, keys, upper, by_key)
        if same is not None:
            own = tuple(a for a in (actor.name, *actor.aliases)
                        if name_key(a) not in reserved and by_key.get(name_key(a), same) == same)
            merged[same] = under(merged[same], dataclasses.replace(actor, name=merged[same].name, aliases=own))
            continue
        if name_key(actor.name) in taken:
            continue
        aliases = tuple(a for a in actor.aliases if name_key(a) not in taken)
        added.append(actor if aliases == actor.aliases else dataclasses.replace(actor, aliases=aliases))
    return tuple(merged) + tuple(added)
