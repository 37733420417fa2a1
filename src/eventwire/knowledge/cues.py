"""The speech-cue lexicon: ``data/quotes/cues.tsv`` read into a frozen value (docs/quotes.md)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

KINDS = ("verb", "verb-phrase", "prep-phrase", "adjunct", "noun", "lead")  # plus "dash", found by rule, not listed


@dataclass(frozen=True)
class CueLexicon:
    """Cue lemmas by kind; phrases are tuples of lemmas."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    leads: frozenset[str]  # verbs that report only beside a full quotation ("she continued: “...”")
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (lemmas, kind), longest first

    @functools.cached_property
    def phrases_by_first_word(self) -> dict[str, list[tuple[int, tuple[str, ...], str]]]:
        """The phrases under their first word, each with its place in ``phrases`` (their order), built once."""
        index: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
        for n, (words, kind) in enumerate(self.phrases):
            index.setdefault(words[0], []).append((n, words, kind))
        return index


def parse_cues(lines: list[str]) -> CueLexicon:
    """Build a lexicon from the lines of a cues.tsv file."""
    verbs: set[str] = set()
    nouns: set[str] = set()
    leads: set[str] = set()
    phrases: list[tuple[tuple[str, ...], str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 2 or fields[1] not in KINDS:
            raise ValueError(f"cues.tsv line {number}: want 'cue<TAB>kind<TAB>notes', got {line!r}")
        cue, kind = fields[0].strip().lower(), fields[1]
        words = tuple(cue.split())
        if len(words) > 1:
            phrases.append((words, kind))
        elif kind == "noun":
            nouns.add(cue)
        elif kind == "verb":
            verbs.add(cue)
        elif kind == "lead":
            leads.add(cue)
        else:
            phrases.append((words, kind))
    phrases.sort(key=lambda item: -len(item[0]))
    return CueLexicon(frozenset(verbs), frozenset(nouns), frozenset(leads), tuple(phrases))


@functools.lru_cache(maxsize=1)
def load_cues() -> CueLexicon:
    """The packaged cue lexicon, read once per process."""
    path = resources.files("eventwire") / "data" / "quotes" / "cues.tsv"
    return parse_cues(path.read_text(encoding="utf-8").splitlines())
