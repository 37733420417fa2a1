"""Matching the speech-cue lexicon (``knowledge.cues``) against parsed tokens."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from eventwire.knowledge.cues import CueLexicon
from eventwire.nlp.arrays import token_arrays


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a document: its token range [start, end) and kind; ``head`` is the key token."""

    start: int
    end: int
    kind: str
    head: int


def _lemmas(doc: Doc) -> list[str]:
    """Per token: its lower-case lemma, or its lower-case form when it has no lemma."""
    a = token_arrays(doc)
    return [lemma.lower() if lemma else lower for lemma, lower in zip(a.lemma, a.lower, strict=True)]


def _is_verb_cue(doc: Doc, i: int, lemmas: list[str], lexicon: CueLexicon) -> bool:
    if lemmas[i] not in lexicon.verbs:
        return False
    a = token_arrays(doc)
    if i >= 2 and a.text[i - 1] == "-" and a.lower[i - 2] == "so":
        return False  # "so-called" names, it does not report
    # "says"/"said" are sometimes mistagged by the small model; other cues must be verbs.
    return a.pos[i] in ("VERB", "AUX") or a.lower[i] in ("said", "says", "told")


Phrases = dict[str, list[tuple[int, tuple[str, ...], str]]]  # CueLexicon.phrases_by_first_word


def _phrase_at(doc: Doc, i: int, lemmas: list[str], phrases: Phrases) -> tuple[int, str] | None:
    """The first phrase of the lexicon (in its order) that the tokens from ``i`` spell, by lemma or form."""
    lower = token_arrays(doc).lower
    starting = phrases.get(lemmas[i], [])
    if lower[i] != lemmas[i]:
        starting = sorted([*starting, *phrases.get(lower[i], [])])
    for _, words, kind in starting:
        end = i + len(words)
        if end <= len(doc) and all(
            lemmas[i + k] == w or lower[i + k] == w for k, w in enumerate(words)
        ):
            return end, kind
    return None


def find_cues(doc: Doc, lexicon: CueLexicon, skip: list[bool]) -> list[CueMatch]:
    """Every cue in ``doc`` outside the tokens flagged in ``skip``, in order, phrases before single words."""
    found: list[CueMatch] = []
    lemmas = _lemmas(doc)
    pos = token_arrays(doc).pos
    phrases = lexicon.phrases_by_first_word
    i = 0
    while i < len(doc):
        if skip[i]:
            i += 1
            continue
        phrase = _phrase_at(doc, i, lemmas, phrases)
        if phrase is not None:
            end, kind = phrase
            verbs = [k for k in range(i, end) if _is_verb_cue(doc, k, lemmas, lexicon) or pos[k] == "VERB"]
            head = verbs[-1] if verbs else (end - 1 if kind in ("noun", "adjunct") else i)
            if kind == "adjunct":
                head = next((k for k in range(end - 1, i - 1, -1) if pos[k] == "NOUN"), end - 1)
            found.append(CueMatch(i, end, kind, head))
            i = end
            continue
        if _is_verb_cue(doc, i, lemmas, lexicon):
            found.append(CueMatch(i, i + 1, "verb", i))
        elif pos[i] in ("VERB", "AUX") and lemmas[i] in lexicon.leads:
            found.append(CueMatch(i, i + 1, "lead", i))
        elif pos[i] == "NOUN" and lemmas[i] in lexicon.nouns:
            found.append(CueMatch(i, i + 1, "noun", i))
        i += 1
    return found
