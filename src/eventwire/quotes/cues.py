"""Matching the speech-cue lexicon (``knowledge.cues``) against parsed tokens."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.knowledge.cues import CueLexicon


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a document: its token range [start, end) and kind; ``head`` is the key token."""

    start: int
    end: int
    kind: str
    head: int


def _lemma(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


def _is_verb_cue(token: Token, lexicon: CueLexicon) -> bool:
    if _lemma(token) not in lexicon.verbs:
        return False
    if token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "so":
        return False  # "so-called" names, it does not report
    # "says"/"said" are sometimes mistagged by the small model; other cues must be verbs.
    return token.pos_ in ("VERB", "AUX") or token.lower_ in ("said", "says", "told")


def _phrase_at(doc: Doc, i: int, lexicon: CueLexicon) -> tuple[int, str] | None:
    first = (_lemma(doc[i]), doc[i].lower_)
    for words, kind in lexicon.phrases:
        if words[0] not in first:
            continue
        end = i + len(words)
        if end <= len(doc) and all(
            _lemma(doc[i + k]) == w or doc[i + k].lower_ == w for k, w in enumerate(words)
        ):
            return end, kind
    return None


def find_cues(doc: Doc, lexicon: CueLexicon, skip: list[bool]) -> list[CueMatch]:
    """Every cue in ``doc`` outside the tokens flagged in ``skip``, in order, phrases before single words."""
    found: list[CueMatch] = []
    i = 0
    while i < len(doc):
        if skip[i]:
            i += 1
            continue
        phrase = _phrase_at(doc, i, lexicon)
        if phrase is not None:
            end, kind = phrase
            verbs = [k for k in range(i, end) if _is_verb_cue(doc[k], lexicon) or doc[k].pos_ == "VERB"]
            head = verbs[-1] if verbs else (end - 1 if kind in ("noun", "adjunct") else i)
            if kind == "adjunct":
                head = next((k for k in range(end - 1, i - 1, -1) if doc[k].pos_ == "NOUN"), end - 1)
            found.append(CueMatch(i, end, kind, head))
            i = end
            continue
        token = doc[i]
        if _is_verb_cue(token, lexicon):
            found.append(CueMatch(i, i + 1, "verb", i))
        elif token.pos_ in ("VERB", "AUX") and _lemma(token) in lexicon.leads:
            found.append(CueMatch(i, i + 1, "lead", i))
        elif token.pos_ == "NOUN" and _lemma(token) in lexicon.nouns:
            found.append(CueMatch(i, i + 1, "noun", i))
        i += 1
    return found
