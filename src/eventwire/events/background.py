"""Deeds told as background, not as the article's news: an earlier deed in a relative clause ("Hamas, which
attacked Israel, said ..."), a past perfect ("had signed"), a "since" clause, "the first time (since ...) that",
a deed recalled by its anniversary; and any deed whose own date lies well before the publication date ("the
2015 deal", "after the 2020 war").

Such a deed is dated by its own time expression when its clause has one; with none it is flagged
``background`` and left undated, never given the date of the clause that tells it. See docs/design.md
("Background is not news")."""

from __future__ import annotations

import calendar
import datetime as dt

from spacy.tokens import Token

from eventwire.knowledge.words import word_list

BACKGROUND_NOUNS = word_list("background_nouns")  # data/words/background_nouns.tsv: "anniversary of"
# A deed dated this many days or more before its article's publication is background, not the day's news.
OLD_NEWS_DAYS = 30
PAST_TAGS = {"VBD", "VBN"}


def told_as_background(tok: Token) -> bool:
    """Whether the construction that tells the deed at ``tok`` makes it background."""
    node = tok
    # "which invaded Ukraine and annexed Crimea", "had agreed to meet": the clause that tells the deed.
    while node.dep_ in {"conj", "xcomp"} and node.head is not node and node.head.pos_ in {"VERB", "AUX"}:
        node = node.head
    auxes = {c.lower_ for c in node.children if c.dep_ == "aux"}
    if node.tag_ == "VBN" and auxes & {"had", "'d"} and node.dep_ != "ccomp":
        # "Iran had agreed to limit enrichment"; not the backshift of reported speech ("said it had struck").
        return True
    if (node.dep_ == "relcl" and node.tag_ in PAST_TAGS and not any(c.dep_ == "auxpass" for c in node.children)
            and (node.tag_ == "VBD" or auxes & {"has", "have", "had"}) and any(
                c.tag_ in {"WDT", "WP"} and c.dep_ in {"nsubj", "dobj"} for c in node.children)):
        # "Hamas, which attacked Israel", "the country that Russia invaded": a past deed that describes an
        # actor. Not "the trip where he met Aliyev": a where/when clause tells the time of its noun's event.
        return True
    if (node.dep_ == "relcl" and node.tag_ in {"VBZ", "VBP"} and not auxes
            and any(c.tag_ in {"WDT", "WP"} and c.dep_ == "nsubj" for c in node.children)):
        return True  # "Turkey, which occupies northern Cyprus": a standing state that describes an actor
    if node.dep_ in {"acl", "ccomp", "relcl"} and first_time(node.head):
        return True
    if node.dep_ == "advcl" and node.tag_ in PAST_TAGS and any(
            c.dep_ == "mark" and c.lower_ == "since" for c in node.children):
        return True  # "the first talks since Russia invaded Ukraine"
    return recalled(tok)


def first_time(noun: Token) -> bool:
    """'the first time (in decades) that', 'the last time': a deed compared with history, not reported."""
    return noun.lemma_.lower() == "time" and any(
        c.dep_ == "amod" and c.lower_ in {"first", "last"} for c in noun.children)


def recalled(tok: Token) -> bool:
    """A nominal deed in the "of" phrase of an anniversary, a legacy, a memory: "the anniversary of the
    invasion", "marked 30 years since the genocide" is the since-phrase rule's (events/triggers.py)."""
    node = tok
    for _ in range(3):
        head = node.head
        if head is node:
            return False
        if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in BACKGROUND_NOUNS:
            return True
        if node.dep_ not in {"pobj", "compound", "prep"}:
            return False
        node = head
    return False


def old_news(day: str | None, precision: str | None, published: dt.date | None) -> bool:
    """Whether a deed dated ``day`` (the first day of its period) ended ``OLD_NEWS_DAYS`` or more before
    ``published``: "in 2015" in a 2024 article, "on March 3" in May."""
    if day is None or precision is None or published is None:
        return False
    try:
        first = dt.date.fromisoformat(day)
    except ValueError:
        return False
    if precision == "year":
        last = first.replace(month=12, day=31)
    elif precision == "month":
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    elif precision == "week":
        last = first + dt.timedelta(days=6)
    else:
        last = first
    return (published - last).days >= OLD_NEWS_DAYS
