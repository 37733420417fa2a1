"""The knowledge bundle: every table a coder uses, built once from a ``CoderSettings`` value and handed to
the stages. Nothing here parses text; a lemmatizer is passed in where a user's verb dictionary needs one."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from eventwire.knowledge.actors import KnowledgeBase, load_kb
from eventwire.knowledge.codebook import CameoCode, load_codebook
from eventwire.knowledge.cues import CueLexicon, load_cues
from eventwire.knowledge.gazetteer import load_place_knowledge
from eventwire.knowledge.gazetteer_index import PlaceKnowledge
from eventwire.knowledge.patterns import Patterns, load_patterns, merge_patterns
from eventwire.knowledge.petrarch_verbs import Lemmatizer
from eventwire.knowledge.settings import CoderSettings
from eventwire.knowledge.time_words import TimeWords, load_time_words


@dataclass(frozen=True)
class Knowledge:
    """What the stages know: actors, verb patterns, the CAMEO codebook, speech cues, time words, the gazetteer
    and demonyms (built from these actors' countries); and the fingerprint of what built it."""

    kb: KnowledgeBase
    patterns: Patterns
    codebook: Mapping[str, CameoCode]
    cues: CueLexicon
    places: PlaceKnowledge
    time_words: TimeWords
    fingerprint: str


def build_knowledge(settings: CoderSettings, lemmatize: Lemmatizer | None = None) -> Knowledge:
    """The bundled tables, with the user's dictionaries of ``settings`` put in front of ours.

    A people table (``people_table``) goes over our curated tables, the broad layer under them
    (``broad_kb``). PETRARCH actors and agents come before our knowledge base (theirs win on ties, as a user asked for
    them); PETRARCH verb patterns are tried before ours; discards replace ours. ``lemmatize`` turns the
    words of a verb dictionary into the model's lemmas (``nlp.lemmas.spacy_lemmatizer``)."""
    settings.check()
    kb = load_kb(settings.broad_kb, settings.people_table)
    if settings.petrarch_actors:
        from eventwire.knowledge.petrarch_actors import read_petrarch_dictionaries

        kb = read_petrarch_dictionaries(settings.petrarch_actors, settings.petrarch_agents).merged(kb)
    patterns = load_patterns()
    if settings.petrarch_verbs:
        from eventwire.knowledge.petrarch_verbs import read_petrarch_verbs

        patterns = merge_patterns(read_petrarch_verbs(settings.petrarch_verbs, lemmatize), patterns)
    if settings.petrarch_discards:
        from eventwire.knowledge.petrarch_verbs import read_petrarch_discards

        sentence, story = read_petrarch_discards(settings.petrarch_discards)
        patterns = dataclasses.replace(patterns, discards=sentence, story_discards=story)
    return Knowledge(kb=kb, patterns=patterns, codebook=load_codebook(), cues=load_cues(),
                     places=load_place_knowledge(kb), time_words=load_time_words(),
                     fingerprint=settings.fingerprint())
