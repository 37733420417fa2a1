"""Plain frozen records: the article handed in to code (``ArticleText``, with its one date check ``parse_day``,
its default id and its content hash), what could not be read (``SourceFailure``), and the coded-article
records, whose field names are the JSON keys of the schema. Imports nothing of eventwire and nothing heavy."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# ISO 8601: a calendar date, alone or before a time ("2024-08-23", "2024-08-23T10:00:00Z", "2025-03-14 20:30:26Z").
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?=$|[T ])")
# RFC 2822 (RSS pubDate, mail): "Fri, 14 Mar 2025 20:30:26 GMT", "14 March 2025"; weekday and time optional.
_RFC_DAY = re.compile(r"(?:[A-Za-z]{3,9}\.?,?\s+)?([0-9]{1,2})\s+([A-Za-z]{3,9})\.?,?\s+([0-9]{2,4})(?=$|\s)")
# Month first, as US pages and spreadsheets write it: "March 14, 2025", "Friday, Mar. 14 2025, 8:30 PM".
_US_DAY = re.compile(r"(?:[A-Za-z]{3,9}\.?,?\s+)?([A-Za-z]{3,9})\.?\s+([0-9]{1,2}),?\s+([0-9]{4})(?=$|[\s,])")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTHS = {name[:n]: i for i, name in enumerate(_MONTH_NAMES, 1) for n in (3, len(name))} | {"sept": 9}
_EXPECTED = "expected YYYY-MM-DD, an ISO 8601 date and time, an RFC 2822 date or a date like 'March 14, 2025'"


def parse_day(value: str | date | None, field: str = "published") -> str | None:
    """The day ``value`` names, as ``YYYY-MM-DD``; None when nothing is given (None, blank).

    Read: a ``date`` or ``datetime``; an ISO 8601 date, alone or before a time (``T`` or a space); an RFC 2822
    date, its weekday and time optional; a month-first date with a four-digit year (``March 14, 2025``).
    The day is the one written: a time or zone after it is not read, so
    ``2024-08-23T23:30:00-05:00`` is 2024-08-23. Anything else raises ``ValueError`` naming ``field`` and the
    value: an impossible day (``2024-13-45``, ``0000-00-00``, ``31 Feb 2025``), a time alone (``7:58 AM ET``),
    other words or orders (``23/08/2024``). ``field`` may be empty (the message then starts with the value)."""
    if value is None:
        return None
    if isinstance(value, date):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    text = value.strip()
    if not text:
        return None
    iso, rfc, us = _ISO_DAY.match(text), _RFC_DAY.match(text), _US_DAY.match(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        if rfc and rfc[2].lower() in _MONTHS:
            return date(_full_year(rfc[3]), _MONTHS[rfc[2].lower()], int(rfc[1])).isoformat()
        if us and us[1].lower() in _MONTHS:
            return date(int(us[3]), _MONTHS[us[1].lower()], int(us[2])).isoformat()
    except ValueError as error:
        raise ValueError(_bad_day(field, value, str(error))) from None
    raise ValueError(_bad_day(field, value, _EXPECTED))


def _full_year(digits: str) -> int:
    """RFC 2822's reading of an old two- or three-digit year: 00-49 are 2000-2049, 50-999 are 1950-2899."""
    year = int(digits)
    if len(digits) == 2 and year < 50:
        return 2000 + year
    return 1900 + year if len(digits) < 4 else year


def _bad_day(field: str, value: str, why: str) -> str:
    return f"{field + ': ' if field else ''}{value!r} is not a date ({why})"


def article_id(text: str) -> str:
    """The id of an article that was given none: ``sha1-`` and 16 hex digits of the SHA-1 of its text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


def content_hash(text: str) -> str:
    """The key of an article's content in the store (SHA-256 hex): a rerun skips what was coded from the same text."""
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class ArticleText:
    """One article to code: its text and what is known about it; what every reader yields and the coder takes.

    ``published`` is checked here, once, by ``parse_day`` and kept as ``YYYY-MM-DD`` (a bad one raises
    ``ValueError`` naming ``published``). ``id`` is stable across runs when a reader gives it; without one the
    coded record's id is ``article_id(text)``. ``location`` is where a reader found it: a path, URL or WARC record.
    """

    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    id: str | None = None
    byline: str | None = None
    location: str | None = None

    def __post_init__(self) -> None:
        day = parse_day(self.published)
        if day != self.published:
            object.__setattr__(self, "published", day)

    @property
    def where(self) -> str:
        """What a failure to code this article is recorded under: its location, url or id."""
        return self.location or self.url or self.id or article_id(self.text)


@dataclass(frozen=True)
class SourceFailure:
    """Something a source could not read, or an article that could not be coded, and why; recorded, never fatal."""

    location: str
    reason: str


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: ``to_dict`` gives the schema's JSON object."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Span(Record):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ActorMention(Record):
    start: int
    end: int
    text: str
    id: str
    name: str
    code: str | None  # null for a person or body the knowledge base lacks (a speaker or target named in the text)
    country: str | None
    sector: str | None
    role: str | None
    kind: str = "person"  # person | organisation | country | metonym | role | pronoun (extra field)
    # How the code was found (extra field): "kb" (a name the knowledge base holds), "agent-noun" (a role or
    # agent noun: "police", "a Dutch court"), "title" (an unknown name coded by its title or description:
    # "opposition candidate X"), "name" (an unknown organisation coded by the words of its own name: "the X
    # Liberation Front"), "pronoun" (its antecedent's), "text" (a party the text names that the knowledge base
    # cannot code, an event's target: "the company", "a Kansas woman", "Ana Ruiz"; its code is None, its country and
    # sector only what the phrase tells; actors/parties.py); None where not recorded.
    basis: str | None = None
    # Where the country came from (extra field): "kb", "demonym", "possessive", "of" ("police in Japan"), "conjunct"
    # ("Danish media and government"),
    # "place" (a city or region's country: "a Delhi court"), "name" (a country's name as a modifier); a titled
    # name has its title's; None when there is no country.
    country_basis: str | None = None


@dataclass(frozen=True)
class Place(Record):
    start: int
    end: int
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str  # country | admin1 | admin2 (a US county) | city | region | other
    reason: str | None = None  # why lat/lon is null, when it is (extra field)
    # How the sentence uses the name (extra fields, docs/places.md): "literal" (a location: "in Yerevan"),
    # "government" (its government or people act: "Yerevan hit back") or "both" ("France hosted the talks");
    # and what the name is: "name", "demonym" ("Russian", placed at Russia's point) or "embedded" ("Ohio" in
    # "Ohio State University"). An event's location is a "name" read "literal" or "both".
    reading: str = "literal"
    kind: str = "name"


@dataclass(frozen=True)
class Time(Record):
    start: int
    end: int
    text: str
    value: str | None
    type: str  # DATE | TIME | DURATION | SET
    reason: str | None = None  # why value is null, when it is (extra field)


@dataclass(frozen=True)
class Plover(Record):
    type: str | None
    mode: str | None
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event(Record):
    id: str
    start: int
    end: int
    trigger: Span
    source: ActorMention
    target: ActorMention | None
    cameo: str
    plover: Plover
    goldstein: float
    quad_class: int
    date: str | None
    date_precision: str | None
    location: Place | None
    negated: bool
    hypothetical: bool
    quote_id: str | None
    confidence: float
    pattern: str | None = None  # the verb pattern that fired (extra field)
    # Told as background, not the article's news (extra field; docs/schema.md): an earlier deed with no date
    # of its own, or one dated well before publication.
    background: bool = False
    # Where ``date`` comes from (extra field): "text" (a time expression of the sentence or its reporting
    # context) or "article" (the publication date; ``date_precision`` is then null); None when undated.
    date_source: str | None = None


@dataclass(frozen=True)
class Quote(Record):
    id: str
    start: int
    end: int
    text: str
    kind: str  # direct | partial | indirect
    speaker: ActorMention | None
    cue: Span | None
    speaker_span: Span | None = None  # the speaker as written, resolved or not (extra field)
    continues: str | None = None  # '"A," he said, "B."': B's record names A's id, one quote in two parts (extra)


@dataclass(frozen=True)
class Article(Record):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class CodedArticle(Record):
    article: Article
    mentions: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[Time, ...] = ()
    warnings: tuple[str, ...] = field(default=())  # why a part is empty (extra field)
