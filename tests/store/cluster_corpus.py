"""A seeded, hand-built corpus that exercises every path of the cluster refresh: wire stories reprinted with
edits (near-duplicates), stories published before ones already stored (they become a cluster's first article),
ids shared by two texts, undated events and articles, events at several places, texts without words, and
recodes that replace an article's events (the refresh sees deletions). No model needed."""

from __future__ import annotations

import random
from collections.abc import Iterator

from eventwire.records import ActorMention, Article, ArticleText, CodedArticle, Event, Place, Plover, Span

WORDS = ("minister talks border ceasefire troops capital said officials statement agreement security region "
         "government army rebels election president parliament sanctions trade envoy summit peace attack "
         "village city north south east west weapons aid refugees protest police court leader party vote "
         "deal oil gas port bridge river market bank tax budget school hospital water power road rail").split()
CODES = (("RUSGOV", "RUS"), ("ARM", "ARM"), ("USAGOV", "USA"), ("UKRMIL", "UKR"))
CAMEOS = ("112", "042", "190")
DAYS = ("2024-08-18", "2024-08-19", "2024-08-20", "2024-08-21", "2024-08-22")
PLACES = (Place(0, 6, "Moscow", "Moscow", "RUS", 55.75, 37.62, 524901, "city"),
          Place(0, 7, "Yerevan", "Yerevan", "ARM", 40.18, 44.51, 616052, "city"),
          Place(0, 5, "Sochi", "Sochi", "RUS", None, None, None, "city"))
OUTLETS = ("Courier", "Gazette", "Herald", "Tribune", None)
Coded = tuple[ArticleText, CodedArticle]


def actor(code: str, country: str) -> ActorMention:
    return ActorMention(0, 3, code, code.lower(), code.title(), code, country, None, None, "country")


class Corpus:
    """Articles made on demand by ``batch``; ``stored`` keeps what was written, for recodes."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.stories: list[str] = []
        self.ids: list[str] = []
        self.stored: list[ArticleText] = []

    def text(self) -> str:
        rng = self.rng
        if self.stories and rng.random() < 0.55:  # a reprint: the story with a few words edited
            words = rng.choice(self.stories).split()
            for _ in range(rng.choice((1, 2, 3, 6, 12))):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            if rng.random() < 0.3:
                words = rng.choice(WORDS).title().split() + words  # a dateline
            return " ".join(words)
        if rng.random() < 0.04:
            return "... --- !!!"  # no words: never a duplicate
        story = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(25, 60)))
        self.stories.append(story)
        return story

    def events(self, article_id: str, text: str, published: str | None) -> tuple[Event, ...]:
        rng = self.rng
        found = []
        for n in range(rng.choice((0, 1, 1, 2, 3))):
            (s, sc), (t, tc) = rng.sample(CODES, 2)
            day = rng.choice((*DAYS, None)) if published or rng.random() < 0.5 else None
            precision = rng.choice(("day", "day", "day", "month")) if day else None
            found.append(Event(
                id=f"{article_id}-E{n + 1}", start=0, end=min(len(text), 40), trigger=Span(0, 3, text[:3]),
                source=actor(s, sc), target=actor(t, tc) if rng.random() < 0.85 else None,
                cameo=rng.choice(CAMEOS), plover=Plover("ACCUSE", None), goldstein=-2.0, quad_class=3,
                date=day[:7] if day and precision == "month" else day, date_precision=precision,
                location=rng.choice((*PLACES, None, None)), negated=rng.random() < 0.1, hypothetical=False,
                quote_id=None, confidence=0.8))
        return tuple(found)

    def article(self, text: str | None = None) -> Coded:
        rng = self.rng
        text = text if text is not None else self.text()
        if self.ids and rng.random() < 0.12:
            article_id = rng.choice(self.ids)  # another text under an id already used
        else:
            article_id = f"a{len(self.ids) + 1}"
            self.ids.append(article_id)
        published = rng.choice((*DAYS, None))
        source = rng.choice(OUTLETS)
        item = ArticleText(text, published, "t", None, source, article_id)
        coded = CodedArticle(article=Article(article_id, "t", None, source, published, "en"),
                             events=self.events(article_id, text, published))
        return item, coded

    def batch(self, size: int) -> list[Coded]:
        items = [self.article() for _ in range(size)]
        self.stored += [item for item, _ in items]
        return items

    def recodes(self, size: int) -> list[Coded]:
        """Articles already stored, coded again with other events (written with ``replace``)."""
        return [self.article(self.rng.choice(self.stored).text) for _ in range(min(size, len(self.stored)))]


def steps(seed: int, count: int) -> Iterator[tuple[list[Coded], bool]]:
    """``count`` batches: ``(articles, replace)``; every third or so is a recode of stored texts."""
    corpus = Corpus(seed)
    for n in range(count):
        if n > 1 and corpus.rng.random() < 0.3:
            yield corpus.recodes(corpus.rng.randrange(1, 4)), True
        else:
            yield corpus.batch(corpus.rng.randrange(3, 15)), False
