"""Hand-built coded articles for store and export tests (no model needed)."""

from __future__ import annotations

from eventwire.records import ActorMention, Article, ArticleText, CodedArticle, Event, Place, Plover, Quote, Span, Time

TEXT = "Moscow accused Armenia of betrayal on Friday in Yerevan. \"We will not retreat,\" Lavrov said."


def mention(start: int, end: int, code: str, country: str, sector: str | None, actor_id: str) -> ActorMention:
    return ActorMention(start, end, TEXT[start:end], actor_id, actor_id.title(), code, country, sector, None,
                        "metonym")


def sample_article(article_id: str = "a1", text: str = TEXT, published: str = "2024-08-23",
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
