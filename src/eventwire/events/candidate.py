"""The event candidate: one coded event as the finder hands it to the pipeline, before dating and placing."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.actors.resolve import TokenMention
from eventwire.knowledge.patterns import Pattern


@dataclass(frozen=True)
class EventCandidate:
    """A coded event before it is dated, placed and turned into a record."""

    trigger_i: int
    trigger_end_i: int
    source: TokenMention
    target: TokenMention | None  # None: a one-sided deed ("thousands protested"), see ``one_sided`` in roots.tsv
    code: str
    negated: bool
    hypothetical: bool
    confidence: float
    pattern: Pattern
    reports: bool = False  # a speaker's accusation read off a reported deed ("Ukraine said Russia shelled")
    background: bool = False  # told as background ("Hamas, which attacked Israel"); see events/background.py
