"""Validated request parameters: dates, actor and country codes, CAMEO and PLOVER codes, limits, cursors."""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from eventwire.knowledge.codebook import load_codebook

COUNTRY = r"^[A-Za-z]{3}$"
ACTOR_CODE = r"^[A-Za-z0-9]{3,15}$"
ACTOR_ID = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,99}$"
_WORD = re.compile(r"\w+", re.UNICODE)


@functools.lru_cache(maxsize=1)
def plover_types() -> frozenset[str]:
    return frozenset(c.plover_type for c in load_codebook().values() if c.plover_type)


def known_cameo(value: str) -> str:
    if value not in load_codebook():
        raise ValueError(f"unknown CAMEO code {value!r}")
    return value


def known_root(value: str) -> str:
    root = value.zfill(2)
    if not ("01" <= root <= "20"):
        raise ValueError(f"unknown CAMEO root {value!r}: roots are 01 to 20")
    return root


def known_plover(value: str) -> str:
    if value.upper() not in plover_types():
        raise ValueError(f"unknown PLOVER type {value!r}; known: {', '.join(sorted(plover_types()))}")
    return value.upper()


def fts_phrase(text: str) -> str:
    """Free text as an FTS5 query of quoted words (all must occur): no FTS syntax reaches SQLite."""
    words = _WORD.findall(text)
    if not words:
        raise ValueError("free text needs at least one word")
    return " ".join(f'"{w}"' for w in words[:20])


Upper = AfterValidator(str.upper)
Country = Annotated[str, Field(pattern=COUNTRY), Upper]
ActorCode = Annotated[str, Field(pattern=ACTOR_CODE), Upper]
ActorId = Annotated[str, Field(pattern=ACTOR_ID)]
Cameo = Annotated[str, Field(pattern=r"^\d{2,4}$"), AfterValidator(known_cameo)]
Root = Annotated[str, Field(pattern=r"^\d{1,2}$"), AfterValidator(known_root)]
Plover = Annotated[str, Field(pattern=r"^[A-Za-z_]{2,30}$"), AfterValidator(known_plover)]
Text = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(fts_phrase)]


class Page(BaseModel):
    """Cursor pagination: ``limit`` at most the server's maximum (checked by the route), ``cursor`` opaque."""

    model_config = ConfigDict(extra="forbid")
    limit: int | None = Field(None, ge=1, description="items per page (the server caps it)")
    cursor: str | None = Field(None, description="the next_cursor of the previous page (checked by the route: a "
                                                 "malformed one is a 400)")


class Window(Page):
    since: date | None = Field(None, description="on or after this day (YYYY-MM-DD)")
    until: date | None = Field(None, description="on or before this day (YYYY-MM-DD)")

    @model_validator(mode="after")
    def ordered(self) -> Window:
        if self.since and self.until and self.since > self.until:
            raise ValueError("since is after until")
        return self


class Flags(BaseModel):
    """What an event is (docs/serve.md, "Event flags"): by default only actual events (not negated, not
    hypothetical, not background); ``all_events`` includes the rest; each flag given selects on it."""

    model_config = ConfigDict(extra="forbid")
    all_events: bool = Field(False, description="include negated, hypothetical and background events (default: "
                                                "only events that happened)")
    negated: bool | None = Field(None, description="only negated (true) or only affirmed (false) events")
    hypothetical: bool | None = Field(None, description="only hypothetical (planned, conditional) or only real events")
    background: bool | None = Field(None, description="only background (earlier events recalled) or only news "
                                                      "events; in a store whose events carry the flag")
    min_confidence: float | None = Field(None, ge=0, le=1, description="the coder's confidence at least this")
    date_precision: Literal["day", "week", "month", "year", "none"] | None = Field(
        None, description="precision of the event's own date; none: events without a date of their own")


class EventParams(Window, Flags):
    """Filters of the event list; every one given must match."""

    actor: ActorCode | None = Field(None, description="CAMEO actor code prefix of source or target (RUS, RUSGOV)")
    country: Country | None = Field(None, description="ISO 3166 alpha-3 country of source or target")
    source_actor: ActorCode | None = None
    target_actor: ActorCode | None = None
    source_country: Country | None = None
    target_country: Country | None = None
    cameo: Cameo | None = Field(None, description="CAMEO code (prefix match: 11 matches 111, 112...)")
    root: Root | None = None
    plover: Plover | None = None
    quad_class: int | None = Field(None, ge=1, le=4)
    place: Annotated[str, Field(min_length=1, max_length=100)] | None = Field(
        None, description="location name or country code")
    q: Text | None = Field(None, description="free text searched in evidence sentences")


class DyadSide(BaseModel):
    kind: Literal["country", "actor"]
    value: str


class DyadParams(Window, Flags):
    a: Annotated[str, Field(pattern=ACTOR_CODE)] = Field(description="first side: ISO3 country or actor code")
    b: Annotated[str, Field(pattern=ACTOR_CODE)] = Field(description="second side: ISO3 country or actor code")
    kind: Literal["country", "actor"] = "country"
    interval: Literal["day", "week", "month"] = "week"
    directed: bool = Field(False, description="only a acting on b (default: both directions)")
    clusters: bool = Field(False, description="also count event clusters (one real-world event) per period")

    @model_validator(mode="after")
    def countries_are_iso3(self) -> DyadParams:
        self.a, self.b = self.a.upper(), self.b.upper()
        if self.kind == "country" and not (len(self.a) == len(self.b) == 3):
            raise ValueError("a country dyad takes two ISO 3166 alpha-3 codes (RUS, ARM)")
        return self


class DyadEventParams(DyadParams):
    quad_class: int | None = Field(None, ge=1, le=4)


ExportFormat = Literal["csv", "json", "parquet"]


class EventExportParams(EventParams):
    format: ExportFormat = Field("csv", description="csv, json (an array) or parquet")


class DyadExportParams(DyadEventParams):
    format: ExportFormat = Field("csv", description="csv, json (an array) or parquet")
    what: Literal["events", "series"] = Field("events", description="the dyad's events, or its series a row a "
                                                                    "period")


class AlertParams(Flags):
    """The dyad shift rule's settings (docs/serve.md, "Dyad shift alerts")."""

    since: date | None = Field(None, description="the last period starts on or after this day (default: the last "
                                                 "full week of the store)")
    kind: Literal["country", "actor"] = "country"
    weeks: int = Field(8, ge=2, le=104, description="trailing baseline weeks")
    min_events: int = Field(3, ge=1, le=10_000, description="events the last week needs")
    min_baseline: int = Field(3, ge=1, le=100_000, description="events the baseline weeks need, together")
    z: float = Field(3.0, gt=0, le=100, description="how many standard deviations from the baseline")


class QuoteParams(Page):
    speaker: ActorId | None = Field(None, description="speaker's knowledge-base id (sergey-lavrov)")
    speaker_code: ActorCode | None = Field(None, description="speaker's CAMEO code prefix")
    mentions: ActorId | None = Field(None, description="an actor id named inside the quote")
    q: Text | None = Field(None, description="free text searched in quote texts")


class ArticleParams(Window):
    source: Annotated[str, Field(min_length=1, max_length=100)] | None = None


class NetworkParams(Flags):
    since: date | None = None
    until: date | None = None
    level: Literal["country", "actor"] = "country"
    min_events: int = Field(1, ge=1, le=1_000_000)
    limit: int = Field(100, ge=1, le=500)


class NetworkExportParams(NetworkParams):
    format: ExportFormat = Field("csv", description="csv, json (an array) or parquet")


class CodeRequest(BaseModel):
    """An article to code and store."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1)
    published: date | None = None
    title: Annotated[str, Field(max_length=500)] | None = None
    url: Annotated[str, Field(max_length=2000)] | None = None
    source: Annotated[str, Field(max_length=200)] | None = None
    id: Annotated[str, Field(min_length=1, max_length=200)] | None = None
