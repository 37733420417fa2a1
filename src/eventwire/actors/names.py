"""An index of every name in the knowledge base, matched against a parsed document's tokens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Doc

from eventwire.knowledge.actors import Actor, Country, Institution, KnowledgeBase, SectorPhrase
from eventwire.knowledge.words import word_list
from eventwire.nlp.arrays import token_arrays

Tokenize = Callable[[str], list[str]]


@dataclass(frozen=True)
class NameEntry:
    """What a name stands for: kind is person|organisation|country|capital|institution|demonym."""

    kind: str
    ref: Actor | Country | Institution


@dataclass(frozen=True)
class NameMatch:
    start_i: int
    end_i: int
    entry: NameEntry


@dataclass(frozen=True)
class SectorMatch:
    start_i: int
    end_i: int
    sector: SectorPhrase


# Kinds in order of precedence when two entries share one spelling.
PRECEDENCE = {"person": 0, "organisation": 1, "institution": 2, "country": 3, "capital": 4, "demonym": 5}
# Kinds whose names may match with broken casing ("President obama", "iSrael"); see ``NameIndex``.
UNCASED_KINDS = {"person", "country"}
NAME_PARTICLES = word_list("name_particles")  # data/words/name_particles.tsv: "al" of "al-Shabab"


class NameIndex:
    """Token-sequence lookup of names (case-insensitive, capitalised in text) and sector phrases.

    With ``common_words`` (lower-case English words other than proper nouns: verbs, adjectives,
    adverbs), a person or country name not capitalised in the text ("President obama", "iSrael")
    matches too, when every word of it is tagged a proper noun, has three letters or more and is
    not a common word: "bush", "brown", "japan" (a verb) and demonyms ("french") need their capital.
    """

    def __init__(self, kb: KnowledgeBase, tokenize: Tokenize, common_words: frozenset[str] | None = None,
                 adjectives: frozenset[str] = frozenset()) -> None:
        self.common_words = common_words
        # Adjectives and adverbs a headline capitalises before a name ("Furious Theresa May"), less the given names
        # of the people the tables hold ("Frank", "Young").
        given = {actor.name.split()[0].lower() for actor in kb.actors if actor.kind == "person" and actor.name}
        self.adjectives = adjectives - given
        self.names: dict[tuple[str, ...], list[NameEntry]] = {}
        self.sectors: dict[tuple[str, ...], SectorPhrase] = {}
        self.country_names = {c.iso3: c.name for c in kb.countries}
        for actor in kb.actors:
            for phrase in (actor.name, *actor.aliases):
                self._add(tokenize(phrase), NameEntry(actor.kind, actor))
        for country in kb.countries:
            for phrase in (country.name, *country.aliases):
                self._add(tokenize(phrase), NameEntry("country", country))
            for phrase in filter(None, (country.capital, *country.capital_aliases)):
                self._add(tokenize(phrase), NameEntry("capital", country))
            for phrase in country.demonyms:
                self._add(tokenize(phrase), NameEntry("demonym", country))
        for inst in kb.institutions:
            self._add(tokenize(inst.phrase), NameEntry("institution", inst))
        for sector in kb.sectors:
            key = tuple(w.lower() for w in tokenize(sector.phrase))
            self.sectors.setdefault(key, sector)
        for entries in self.names.values():
            entries.sort(key=lambda e: PRECEDENCE.get(e.kind, 9))
        self.acronyms = acronym_keys(kb, tokenize)
        self.max_name = max((len(k) for k in self.names), default=1)
        self.first_words = {k[0] for k in self.names}
        self.max_sector = max((len(k) for k in self.sectors), default=1)
        self.sector_first_words = {k[0] for k in self.sectors}

    def _add(self, words: list[str], entry: NameEntry) -> None:
        key = tuple(w.lower() for w in words if w.lower() != "the")
        if key and entry not in self.names.setdefault(key, []):
            self.names[key].append(entry)

    def match_names(self, doc: Doc) -> list[NameMatch]:
        """Longest leftmost matches of capitalised names."""
        lower = token_arrays(doc).lower
        return scan(doc, self._longest_name, [i for i, w in enumerate(lower) if w in self.first_words])

    def _longest_name(self, doc: Doc, i: int) -> NameMatch | None:
        """The longest name starting at token ``i``, one of ``match_names``'s starts (a first word of a name)."""
        arrays = token_arrays(doc)
        text, lower = arrays.text, arrays.lower
        cased = text[i][:1].isupper() or particle_cased(text, lower, i)
        if not cased and (self.common_words is None or arrays.pos[i] != "PROPN"):
            return None  # an uncased name must be all proper nouns (``_uncased_ok``): cheap test first
        for n in range(min(self.max_name, len(doc) - i), 0, -1):
            key = tuple(lower[i : i + n])
            entries = self.names.get(key)
            if entries and text[i + n - 1][:1].isalnum():
                if n == 1 and key in self.acronyms and not self._acronym_ok(doc, i):
                    continue
                if not cased:
                    entries = [e for e in entries if e.kind in UNCASED_KINDS and self._uncased_ok(doc, i, n)]
                    if not entries:
                        continue
                return NameMatch(i, i + n, entries[0])
        return None

    def _acronym_ok(self, doc: Doc, i: int) -> bool:
        """A name the knowledge base writes only in capitals ("ICE", "NATO") written otherwise in the text
        ("Ice", "Nato") is that name only where the parser tags it a proper noun: "Ice covered the roads" is ice."""
        arrays = token_arrays(doc)
        return arrays.text[i].isupper() or arrays.pos[i] == "PROPN"

    def _uncased_ok(self, doc: Doc, i: int, n: int) -> bool:
        arrays = token_arrays(doc)
        common = self.common_words or frozenset()
        return all(arrays.pos[k] == "PROPN" and len(arrays.text[k]) >= 3 and arrays.is_alpha[k]
                   and arrays.lower[k] not in common for k in range(i, i + n))

    def match_sectors(self, doc: Doc) -> list[SectorMatch]:
        """Longest leftmost sector phrases, by lower-case form or lemma of the last word."""
        arrays = token_arrays(doc)
        first = self.sector_first_words
        return scan(doc, self._longest_sector, [i for i, (w, lemma) in enumerate(zip(arrays.lower, arrays.lemma,
                                                                                     strict=True))
                                                if w in first or lemma.lower() in first])

    def _longest_sector(self, doc: Doc, i: int) -> SectorMatch | None:
        """The longest sector phrase at token ``i``, one of ``match_sectors``'s starts (a first word, or its lemma)."""
        arrays = token_arrays(doc)
        pos, lower = arrays.pos, arrays.lower
        for n in range(min(self.max_sector, len(doc) - i), 0, -1):
            if pos[i + n - 1] not in {"NOUN", "PROPN"}:
                continue
            # "asylum-seekers" is "asylum seekers": a hyphen inside the phrase joins what a space separates.
            words = [w for k, w in enumerate(lower[i : i + n]) if w != "-" or k == 0]
            sector = self.sectors.get(tuple(words))
            if sector is None:
                words[-1] = arrays.lemma[i + n - 1].lower()
                sector = self.sectors.get(tuple(words))
            if sector is not None:
                return SectorMatch(i, i + n, sector)
        return None


M = TypeVar("M", NameMatch, SectorMatch)


def acronym_keys(kb: KnowledgeBase, tokenize: Tokenize) -> frozenset[tuple[str, ...]]:
    """One-word names that every table writing them writes in capitals (acronyms: "ICE", "WHO", "NATO")."""
    upper: set[tuple[str, ...]] = set()
    other: set[tuple[str, ...]] = set()
    phrases = [p for a in kb.actors for p in (a.name, *a.aliases)]
    phrases += [p for c in kb.countries for p in (c.name, *c.aliases, *c.demonyms)]
    phrases += [p for c in kb.countries for p in filter(None, (c.capital, *c.capital_aliases))]
    phrases += [i.phrase for i in kb.institutions]
    for phrase in phrases:
        words = [w for w in tokenize(phrase) if w.lower() != "the"]
        if len(words) == 1:
            (upper if len(words[0]) > 1 and words[0].isupper() else other).add((words[0].lower(),))
    return frozenset(upper - other)


def scan(doc: Doc, longest_at: Callable[[Doc, int], M | None], starts: Sequence[int] | None = None) -> list[M]:
    """Non-overlapping matches left to right, each the longest starting at its token; ``starts``, when given, are
    the only tokens (in order) a match can start at (``longest_at`` is None elsewhere), the rest are skipped."""
    found: list[M] = []
    end = 0
    for i in range(len(doc)) if starts is None else starts:
        if i < end:
            continue
        hit = longest_at(doc, i)
        if hit:
            found.append(hit)
            end = hit.end_i
    return found


def particle_cased(text: list[str], lower: list[str], i: int) -> bool:
    """Whether token ``i`` is a lower-case particle joined by a hyphen to a capitalised word ("al-Shabab"): the
    name is capitalised, as "Al-Shabab" is."""
    return (lower[i] in NAME_PARTICLES and i + 2 < len(text) and text[i + 1] == "-"
            and text[i + 2][:1].isupper())
