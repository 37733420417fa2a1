"""Code articles end to end: parse once, resolve actors, then find quotes, times, places and events."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors.metonymy import is_government_metonym
from eventwire.actors.names import NameIndex
from eventwire.actors.resolve import resolve_actors
from eventwire.events.finder import EventCandidate, find_events
from eventwire.knowledge.actors import KnowledgeBase, load_default_kb
from eventwire.knowledge.codebook import CameoCode, load_codebook
from eventwire.knowledge.gazetteer import load_gazetteer
from eventwire.knowledge.patterns import Patterns, load_patterns
from eventwire.knowledge.time_words import load_time_words
from eventwire.nlp.datelines import dateline_tokens
from eventwire.nlp.guard import check_text
from eventwire.nlp.model import common_words, make_nlp
from eventwire.places.finder import find_places, locate_event
from eventwire.quotes.finder import find_quotes
from eventwire.records import Article, CodedArticle, Event, Place, Plover, Quote, Span, Time
from eventwire.times.finder import date_event, find_times

log = logging.getLogger(__name__)

DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class ArticleText:
    """One article to code: its text and what is known about it."""

    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    id: str | None = None


def article_id(text: str) -> str:
    return "sha1-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


def parse_published(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


class Coder:
    """Holds the model, knowledge base and patterns, loaded once, and codes articles with them."""

    def __init__(
        self,
        kb: KnowledgeBase | None = None,
        nlp: Language | None = None,
        patterns: Patterns | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        batch_size: int = 16,
        codebook: dict[str, CameoCode] | None = None,
    ) -> None:
        """``codebook`` replaces the CAMEO codebook; events whose code it lacks are dropped."""
        self.nlp = nlp or make_nlp()
        self.kb = kb or load_default_kb()
        self.patterns = patterns or load_patterns()
        self.codebook = codebook if codebook is not None else load_codebook()
        self.time_words = load_time_words()
        self.names = NameIndex(self.kb, lambda s: [t.text for t in self.nlp.tokenizer(s)], common_words(self.nlp))
        self.max_chars = max_chars
        self.batch_size = batch_size

    def code(self, text: str, published: str | date | None = None, **meta: str | None) -> CodedArticle:
        """Code one article; ``meta`` may give title, url, source and id."""
        return next(self.code_many([ArticleText(text, _iso(published), **meta)]))

    def code_many(self, articles: Iterable[ArticleText]) -> Iterator[CodedArticle]:
        """Code many articles, parsing them in batches with ``nlp.pipe``; order is kept."""
        pending: list[tuple[ArticleText, str | None]] = []
        for item in articles:
            pending.append((item, check_text(item.text, self.max_chars)))
            if len(pending) >= self.batch_size:
                yield from self._code_batch(pending)
                pending = []
        if pending:
            yield from self._code_batch(pending)

    def _code_batch(self, batch: Sequence[tuple[ArticleText, str | None]]) -> Iterator[CodedArticle]:
        codable = [item.text for item, skip in batch if skip is None]
        docs = iter(self.nlp.pipe(codable, batch_size=self.batch_size))
        for item, skip in batch:
            if skip is not None:
                log.info("skipping article %s: %s", item.id or article_id(item.text), skip)
                yield CodedArticle(article=self._article(item, language=None), warnings=(skip,))
            else:
                yield self._code_doc(item, next(docs))

    def _article(self, item: ArticleText, language: str | None) -> Article:
        return Article(id=item.id or article_id(item.text), title=item.title, url=item.url, source=item.source,
                       published=item.published, language=language)

    def _code_doc(self, item: ArticleText, doc: Doc) -> CodedArticle:
        day = parse_published(item.published)
        article = self._article(item, language="en")
        mentions = resolve_actors(doc, self.names, day, is_government_metonym, place_country)
        actor_mentions = [m.mention for m in mentions if m.mention.kind != "place"]
        quotes = find_quotes(doc, actor_mentions)
        times = find_times(doc, day, self.time_words)
        countries = sorted({m.country for m in actor_mentions if m.country})
        places = find_places(doc, countries)
        in_dateline = dateline_tokens(doc)  # "BEIJING (Reuters) -": the agency takes no part in the events
        players = [m for m in mentions if not in_dateline.intersection(range(m.start_i, m.end_i))]
        candidates = [c for c in find_events(doc, players, self.patterns, place_country) if self._known(c)]
        events = [
            self._event(doc, f"{article.id}-E{n}", c, self.codebook[c.code], quotes, times, places, day)
            for n, c in enumerate(candidates, 1)
        ]
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
        when, precision = date_event(doc, c.trigger_i, times, day, reported_on(doc, quote, times))
        return Event(
            id=event_id, start=sent.start_char, end=sent.end_char,
            trigger=Span(trigger.start_char, trigger.end_char, trigger.text),
            source=c.source.mention, target=c.target.mention if c.target else None, cameo=c.code,
            plover=Plover(entry.plover_type, entry.plover_mode, tuple(entry.plover_context)),
            goldstein=entry.goldstein, quad_class=entry.quad_class, date=when, date_precision=precision,
            location=locate_event(doc, c.trigger_i, places), negated=c.negated, hypothetical=c.hypothetical,
            quote_id=quote.id if quote else None, confidence=c.confidence, pattern=_pattern_name(c),
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


def place_country(name: str) -> str | None:
    """The country of the most populous city or region of that name in the gazetteer, if any (not a town only
    the US ZIP code list knows: such a reading needs its state confirmed, which a bare name does not do)."""
    candidates = [c for c in load_gazetteer().lookup(name)
                  if c.feature in {"city", "admin1", "region"} and c.country and not c.minor]
    return max(candidates, key=lambda c: c.population).country if candidates else None


def _pattern_name(c: EventCandidate) -> str:
    p = c.pattern
    return " ".join(x for x in (p.lemma, p.particle, p.complement, p.prep) if x) + f" -> {p.code}"


def _iso(value: str | date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value
