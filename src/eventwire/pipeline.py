"""Code articles end to end: parse once, resolve actors, then find quotes, times, places and events."""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors.names import NameIndex
from eventwire.actors.parties import party_mentions
from eventwire.actors.resolve import resolve_actors
from eventwire.events.background import old_news
from eventwire.events.candidate import EventCandidate
from eventwire.events.finder import find_events
from eventwire.events.speakers import speaker_pronouns
from eventwire.knowledge.actors import KnowledgeBase
from eventwire.knowledge.bundle import Knowledge, build_knowledge
from eventwire.knowledge.codebook import CameoCode
from eventwire.knowledge.gazetteer import load_place_knowledge
from eventwire.knowledge.patterns import Patterns
from eventwire.knowledge.settings import CoderSettings
from eventwire.nlp.budget import CodingTimeout, check, deadline
from eventwire.nlp.datelines import dateline_tokens
from eventwire.nlp.guard import InputRejected, check_text
from eventwire.nlp.lemmas import spacy_lemmatizer
from eventwire.nlp.model import common_adjectives, common_words, make_nlp
from eventwire.nlp.parse import parse_texts
from eventwire.places import (
    actor_named_places,
    is_actor_reading,
    is_location,
    locate_event,
    place_country,
    record_places,
)
from eventwire.quotes.finder import find_quotes
from eventwire.records import Article, ArticleText, CodedArticle, Event, Place, Plover, Quote, Span, Time, article_id
from eventwire.times.finder import date_event, find_times

log = logging.getLogger(__name__)

# An article may have at most max_chars / CHARS_PER_TOKEN tokens (250,000 at the default 1,000,000 characters;
# English news has a token per 5 characters): what bounds the memory of an article's Doc (docs/run.md).
CHARS_PER_TOKEN = 4
# Actor mentions whose country echoes a place word or another mention: they do not vote on place readings.
ECHO_KINDS = frozenset({"role", "pronoun"})
# A place read inside an organisation's name ("the Delhi Police") must be a major one: this many people or more.
MAJOR_PLACE = 500_000



def name_tokenizer(nlp: Language) -> Callable[[str], list[str]]:
    """The model's tokens of a knowledge-base name. A name of plain words (letters only, single spaces, none a
    tokenizer special case such as "cannot") is split on its spaces, which is what the tokenizer would give,
    without running it: tens of thousands of names are indexed at start-up (docs/knowledge-base.md)."""
    special = {k.lower() for k in getattr(nlp.tokenizer, "rules", None) or {}}

    def tokenize(name: str) -> list[str]:
        words = name.split(" ")
        if all(w.isalpha() and w.lower() not in special for w in words):
            return words
        return [t.text for t in nlp.tokenizer(name)]

    return tokenize


def parse_published(value: str | None) -> date | None:
    """The ``date`` of an ``ArticleText.published``, a day ``records.parse_day`` already checked."""
    return date.fromisoformat(value) if value else None


class Coder:
    """Holds the model and the knowledge bundle, built once, and codes articles with them."""

    def __init__(
        self,
        settings: CoderSettings | None = None,
        *,
        knowledge: Knowledge | None = None,
        nlp: Language | None = None,
        kb: KnowledgeBase | None = None,
        patterns: Patterns | None = None,
        codebook: Mapping[str, CameoCode] | None = None,
        max_chars: int | None = None,
        batch_size: int | None = None,
    ) -> None:
        """A coder built from ``settings`` (bundled data, user dictionaries, options; default: the bundled data).

        ``knowledge`` replaces the bundle the settings would build; ``kb``, ``patterns`` and ``codebook``
        replace one table of it (evaluations compare tables); events whose code the codebook lacks are
        dropped. ``max_chars`` and ``batch_size`` override the settings' options."""
        settings = settings or CoderSettings()
        self.settings = dataclasses.replace(settings, max_chars=max_chars or settings.max_chars,
                                            batch_size=batch_size or settings.batch_size)
        self.nlp = nlp or make_nlp()
        bundle = knowledge or build_knowledge(self.settings, spacy_lemmatizer(self.nlp))
        if kb is not None:  # another knowledge base: its own countries make its own gazetteer
            bundle = dataclasses.replace(bundle, kb=kb, places=load_place_knowledge(kb))
        self.knowledge = dataclasses.replace(
            bundle, patterns=patterns or bundle.patterns,
            codebook=codebook if codebook is not None else bundle.codebook)
        self.kb = self.knowledge.kb
        self.place_knowledge = self.knowledge.places
        self.patterns = self.knowledge.patterns
        self.codebook = self.knowledge.codebook
        self.time_words = self.knowledge.time_words
        self.names = NameIndex(self.kb, name_tokenizer(self.nlp), common_words(self.nlp),
                               common_adjectives(self.nlp))
        self.max_chars = self.settings.max_chars
        self.batch_size = self.settings.batch_size

    def code(self, text: str, published: str | date | None = None, timeout_s: float | None = None,
             **meta: str | None) -> CodedArticle:
        """Code one article within ``timeout_s`` seconds (None: no limit); ``meta`` may give title, url, source
        and id. Raises ``InputRejected`` for input the guard refuses, ``CodingTimeout`` past the budget."""
        return next(self.code_many([ArticleText(text, _iso(published), **meta)], timeout_s))

    def code_many(self, articles: Iterable[ArticleText], timeout_s: float | None = None) -> Iterator[CodedArticle]:
        """Code many articles, parsing them in batches with ``nlp.pipe``; order is kept. An article the guard
        refuses (binary, over ``max_chars``) raises ``InputRejected`` where it comes, after those before it, and
        one that takes over ``timeout_s`` seconds raises ``CodingTimeout``."""
        for result in self.code_or_reject(articles, timeout_s):
            if isinstance(result, Exception):
                raise result
            yield result

    def code_or_reject(self, articles: Iterable[ArticleText], timeout_s: float | None = None) -> (
            Iterator[CodedArticle | InputRejected | CodingTimeout]):
        """As ``code_many``, but a refused article gives its ``InputRejected`` in its place, one past its budget
        its ``CodingTimeout``, and the others are coded (a corpus worker's batch). Each article has ``timeout_s``
        seconds (None: no limit), its share of its batch's parse included (``nlp.parse.parse_texts``); the
        stages check the budget between them and in their long loops (``eventwire.nlp.budget``). The guard,
        ``check_text``, runs here and nowhere else."""
        pending: list[tuple[ArticleText, str | InputRejected | None]] = []
        for item in articles:
            pending.append((item, _guard(item.text, self.max_chars)))
            if len(pending) >= self.batch_size:
                yield from self._code_batch(pending, timeout_s or None)
                pending = []
        if pending:
            yield from self._code_batch(pending, timeout_s or None)

    def _code_batch(self, batch: Sequence[tuple[ArticleText, str | InputRejected | None]],
                    timeout_s: float | None) -> Iterator[CodedArticle | InputRejected | CodingTimeout]:
        codable = [item.text for item, verdict in batch if verdict is None]
        docs = parse_texts(self.nlp, codable, self.batch_size, timeout_s, self.max_chars // CHARS_PER_TOKEN)
        for item, verdict in batch:
            if isinstance(verdict, InputRejected):
                yield verdict
            elif verdict is not None:
                log.info("skipping article %s: %s", item.id or article_id(item.text), verdict)
                yield CodedArticle(article=self._article(item, language=None), warnings=(verdict,))
            else:
                yield self._code_parsed(item, *next(docs), timeout_s)

    def _code_parsed(self, item: ArticleText, doc: Doc | CodingTimeout | InputRejected, spent: float,
                     timeout_s: float | None) -> CodedArticle | CodingTimeout | InputRejected:
        """The record of a parsed article, coded within what its parse left of its budget; or why it was not."""
        if not isinstance(doc, Doc):
            log.info("article %s: %s (parsing)", item.id or article_id(item.text), doc)
            return doc
        try:
            with deadline(timeout_s, spent=spent):
                return self._code_doc(item, doc)
        except CodingTimeout as timeout:
            log.info("article %s: %s", item.id or article_id(item.text), timeout)
            return timeout

    def _article(self, item: ArticleText, language: str | None) -> Article:
        return Article(id=item.id or article_id(item.text), title=item.title, url=item.url, source=item.source,
                       published=item.published, language=language)

    def _code_doc(self, item: ArticleText, doc: Doc) -> CodedArticle:
        day = parse_published(item.published)
        article = self._article(item, language="en")
        country_of = functools.partial(place_country, self.place_knowledge.gazetteer)
        check()  # each stage starts only within the budget (eventwire.nlp.budget)
        major_place = functools.partial(place_country, self.place_knowledge.gazetteer, min_population=MAJOR_PLACE)
        sector_matches = self.names.match_sectors(doc)  # read by name resolution and by the party finder
        mentions = resolve_actors(doc, self.names, day, is_actor_reading, country_of, major_place,
                                  sector_matches=sector_matches)
        actor_mentions = [m.mention for m in mentions if m.mention.kind != "place"]
        check()
        quotes = find_quotes(doc, actor_mentions, self.knowledge.cues)
        # '"We will never recognise Kosovo," Vucic said': the speaker inside its own words (events/speakers.py).
        spoken = speaker_pronouns(doc, quotes, mentions)
        mentions = sorted([*mentions, *spoken], key=lambda m: (m.start_i, m.end_i))
        actor_mentions = [m.mention for m in mentions if m.mention.kind != "place"]
        check()
        times = find_times(doc, day, self.time_words)
        # The countries of the article's actors help read its place names, but not those of mentions that are
        # place names themselves ("Paris", "Georgia"), nor of roles and pronouns, whose country comes from a place
        # word or another mention ("the U.S. population", "its"): the place finder reads those in context.
        gazetteer = self.place_knowledge.gazetteer
        countries = sorted({m.country for m in actor_mentions if m.country and m.text not in gazetteer
                            and m.kind not in ECHO_KINDS})
        check()
        places = record_places(doc, self.place_knowledge, countries)  # every toponym, each with its reading
        named = [(m.start_i, m.end_i, m.mention.kind) for m in mentions]
        places = sorted([*places, *actor_named_places(doc, self.place_knowledge, places, named)],
                        key=lambda p: (p.start, p.end))
        locations = [p for p in places if is_location(p)]  # what an event may happen at
        check()
        in_dateline = dateline_tokens(doc)  # "BEIJING (Reuters) -": the agency takes no part in the events
        players = [m for m in mentions if not in_dateline.intersection(range(m.start_i, m.end_i))]
        parties = functools.partial(party_mentions, doc, players, self.names, country_of,  # made when first asked
                                    sector_matches=sector_matches)
        candidates = [c for c in find_events(doc, players, self.patterns, country_of, parties) if self._known(c)]
        events = []
        for n, c in enumerate(candidates, 1):
            check()
            events.append(self._event(doc, f"{article.id}-E{n}", c, self.codebook[c.code], quotes, times,
                                      locations, day))
        return CodedArticle(article=article, mentions=tuple(actor_mentions), events=tuple(events),
                            quotes=tuple(quotes), places=tuple(places), times=tuple(times))

    def _known(self, c: EventCandidate) -> bool:
        if c.code in self.codebook:
            return True
        log.warning("pattern %s gives unknown CAMEO code %s; event dropped", c.pattern.lemma, c.code)
        return False

    def _event(
        self, doc: Doc, event_id: str, c: EventCandidate, entry: CameoCode, quotes: Sequence[Quote],
        times: Sequence[Time], places: Sequence[Place], day: date | None,
    ) -> Event:
        sent = doc[c.trigger_i].sent
        trigger = doc[c.trigger_i : c.trigger_end_i]
        quote = next((q for q in quotes if q.start <= trigger.start_char < q.end), None)
        if c.reports:  # an accusation read off a reported deed belongs to the quote its verb introduces
            quote = next((q for q in quotes if q.cue and q.cue.start <= trigger.start_char < q.cue.end), quote)
        when, precision, source = date_event(doc, c.trigger_i, times, day, reported_on(doc, quote, times))
        background = c.background
        if background:  # told as background: its own time dates it, else it stays undated (events/background.py)
            when, precision, source = date_event(doc, c.trigger_i, times, day, own_only=True)
            background = when is None
        background = background or old_news(when, precision, day)
        return Event(
            id=event_id, start=sent.start_char, end=sent.end_char,
            trigger=Span(trigger.start_char, trigger.end_char, trigger.text),
            source=c.source.mention, target=c.target.mention if c.target else None, cameo=c.code,
            plover=Plover(entry.plover_type, entry.plover_mode, tuple(entry.plover_context)),
            goldstein=entry.goldstein, quad_class=entry.quad_class, date=when, date_precision=precision,
            location=locate_event(doc, c.trigger_i, places), negated=c.negated, hypothetical=c.hypothetical,
            quote_id=quote.id if quote else None, confidence=c.confidence, pattern=_pattern_name(c),
            background=background,
            date_source=source,
        )


def reported_on(doc: Doc, quote: Quote | None, times: Sequence[Time]) -> str | None:
    """The date the reporting context carries: a time on the quote's cue ("Zelensky said on Tuesday")
    dates what the quote reports when the event's own clause has none (a readout's call date)."""
    if quote is None or quote.cue is None:
        return None
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if cue is None or len(cue) == 0:
        return None
    return date_event(doc, cue.root.i, times, None)[0]


def _pattern_name(c: EventCandidate) -> str:
    p = c.pattern
    return " ".join(x for x in (p.lemma, p.particle, p.complement, p.prep) if x) + f" -> {p.code}"


def _iso(value: str | date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _guard(text: str, max_chars: int) -> str | InputRejected | None:
    """``check_text``'s verdict: None to code, a reason to give an empty record, or the refusal."""
    try:
        return check_text(text, max_chars)
    except InputRejected as refused:
        return refused
