"""Hand-built coded articles for store and export tests (no model needed)."""

from __future__ import annotations

from dataclasses import replace

from eventwire.records import ActorMention, Article, ArticleText, CodedArticle, Event, Place, Plover, Quote, Span, Time

TEXT = "Moscow accused Armenia of betrayal on Friday in Yerevan. \"We will not retreat,\" Lavrov said."


def mention(start: int, end: int, code: str, country: str, sector: str | None, actor_id: str) -> ActorMention:
    return ActorMention(start, end, TEXT[start:end], actor_id, actor_id.title(), code, country, sector, None,
                        "metonym")


def sample_article(article_id: str = "a1", text: str = TEXT, published: str | None = "2024-08-23",
                   cameo: str = "112", date: str | None = "2024-08-23") -> tuple[ArticleText, CodedArticle]:
    moscow = mention(0, 6, "RUSGOV", "RUS", "GOV", "russia-gov")
    armenia = mention(15, 22, "ARM", "ARM", None, "armenia")
    lavrov = ActorMention(80, 86, "Lavrov", "lavrov", "Sergey Lavrov", "RUSGOV", "RUS", "GOV",
                          "Minister of Foreign Affairs", "person")
    yerevan = Place(48, 55, "Yerevan", "Yerevan", "ARM", 40.18, 44.51, 616052, "city")
    quote = Quote(f"{article_id}-Q1", 58, 78, "We will not retreat,", "direct", lavrov, Span(80, 91, "Lavrov said"))
    event = Event(
        id=f"{article_id}-E1", start=0, end=56, trigger=Span(7, 14, "accused"), source=moscow, target=armenia,
        cameo=cameo, plover=Plover("ACCUSE", None, ("diplomatic",)), goldstein=-2.0, quad_class=3, date=date,
        date_precision="day", location=yerevan, negated=False, hypothetical=False, quote_id=None, confidence=0.9,
        pattern="accuse -> 112",
    )
    coded = CodedArticle(
        article=Article(article_id, "Row", "https://example.org/a1", "Example News", published, "en"),
        mentions=(moscow, armenia, lavrov), events=(event,), quotes=(quote,), places=(yerevan,),
        times=(Time(35, 44, "on Friday", date, "DATE"),),
    )
    source = ArticleText(text, published, "Row", "https://example.org/a1", "Example News", article_id,
                         location=f"test/{article_id}")
    return source, coded


# (id, published, event date, cameo, source code and country, target code and country): dated and undated
# events, an article published with a time of day, one with no date at all, other dyads.
VARIED = (
    ("v1", "2024-08-23", "2024-08-23", "112", ("RUSGOV", "RUS"), ("ARM", "ARM")),
    ("v2", "2024-08-20", None, "111", ("RUSGOV", "RUS"), ("ARM", "ARM")),
    ("v3", "2024-08-25T09:30:00+00:00", None, "042", ("ARMGOV", "ARM"), ("RUS", "RUS")),
    ("v4", None, None, "112", ("USAGOV", "USA"), ("RUSGOV", "RUS")),
    ("v5", "2024-08-10", "2024-07-30", "190", ("UKRMIL", "UKR"), ("RUSMIL", "RUS")),
    ("v6", "2024-08-20", "2024-08-20", "112", ("USA", "USA"), ("ARMGOV", "ARM")),
    ("v7", "2024-08-21", None, "043", ("ARM", "ARM"), ("USAGOV", "USA")),
    ("v8", None, "2024-08-22", "111", ("RUS", "RUS"), ("UKR", "UKR")),
)


def varied_articles() -> list[tuple[ArticleText, CodedArticle]]:
    """The ``VARIED`` articles, each with one event (the sample's, with that date, code and dyad; the word
    "ceasefire" in the evidence of every third, "talks" in the others')."""
    items = []
    for n, (article_id, published, date, cameo, (s_code, s_country), (t_code, t_country)) in enumerate(VARIED):
        word = "ceasefire" if n % 3 == 0 else "talks"  # in the evidence sentence, for free-text filters
        source, coded = sample_article(article_id, text=f"Variant {n} {word}. " + TEXT, published=published,
                                       cameo=cameo, date=date)
        event = coded.events[0]
        event = replace(event, source=replace(event.source, code=s_code, country=s_country),
                        target=replace(event.target, code=t_code, country=t_country),
                        quad_class=4 if cameo == "190" else 1 if cameo.startswith("04") else 3)
        items.append((source, replace(coded, events=(event,))))
    return items
