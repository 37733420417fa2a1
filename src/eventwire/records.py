"""Plain frozen records whose field names are the JSON keys of the coded-article schema."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


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
    code: str
    country: str | None
    sector: str | None
    role: str | None
    kind: str = "person"  # person | organisation | country | metonym | role | pronoun (extra field)


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
