"""Find time expressions in a parsed document and date events through the dependency parse."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.knowledge.time_words import TimeWords
from eventwire.knowledge.words import word_list
from eventwire.nlp.arrays import token_arrays
from eventwire.records import Time
from eventwire.times import calendar as cal
from eventwire.times.calendar import FUTURE_CUE_WORDS
from eventwire.times.norm import Context, Norm, preposition_before
from eventwire.times.rules import candidates, select
from eventwire.times.values import value_to_date

log = logging.getLogger(__name__)

# Words whose infinitival complement looks ahead: "plans to meet on Friday" (data/words/future_heads.tsv).
FUTURE_HEADS = word_list("future_heads")
FUTURE_AUXILIARIES = word_list("future_auxiliaries")
DEFERRAL_VERBS = word_list("deferral_verbs")  # "postpone", "delay": a time after "until" in their clause is ahead
EVENT_NOUNS = word_list("event_nouns")  # "visit", "talks": a time on them dates them, not the clause
SETTING_PREPS = word_list("setting_preps")  # "met at the summit in June": the occasion's time is the deed's
# Dependencies of a time that modifies its noun from the left ("the 2015 deal", "the February 2020 pact").
PRENOMINAL_DEPS = {"compound", "nmod", "amod", "nummod", "poss"}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# An event's ``date_source``: a time expression of its sentence or reporting context, or the publication date.
TEXT, ARTICLE = "text", "article"


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"}


def governing_verb(span: Span) -> Token | None:
    """The nearest verb above a span in the parse (the span root itself when it is a verb)."""
    token = span.root
    while not _is_verb(token) or token.i in range(span.start, span.end):
        if token.head.i == token.i:
            return token if _is_verb(token) else None
        token = token.head
    return token


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the clause governing characters start..end: "future", "past", "perfect" or None (unsaid).

    Future: will/shall/would, "be going to", "is to", present progressive, a deferral verb before "until",
    "till" or "by" ("postponed until Saturday"), or an infinitive under
    plan/schedule/expect...; past: a simple past verb or a passive/perfect with a past auxiliary; perfect: a
    present perfect, which dates a bare month or weekday in the past but lets "by"/"until" look ahead ("has
    promised a vote by August").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span)
    if verb is None:
        return None
    deferred = verb.lemma_.lower() in DEFERRAL_VERBS
    if deferred and preposition_before(token_arrays(doc).doc_text, start) in FUTURE_CUE_WORDS:
        return "future"  # "was postponed until Saturday": the new time lies ahead
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lower_ in FUTURE_AUXILIARIES for c in aux):
        return "future"
    if verb.tag_ == "VBG" and any(c.tag_ in {"VBZ", "VBP"} for c in aux):
        return "future"
    token = verb
    while token.dep_ in {"xcomp", "ccomp", "acl", "relcl"} and token.head.i != token.i:
        if token.dep_ == "xcomp" and (token.head.lemma_ in FUTURE_HEADS or token.head.lower_ == "due"):
            return "future"
        if token.dep_ == "xcomp" and token.head.lemma_ == "be" and any(c.lower_ == "to" for c in aux):
            return "future"
        token = token.head
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
        return "past"
    if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux):
        return "perfect"  # what has happened: "has purged thousands since the July coup" (a past month)
    return None


def _date_chars(doc: Doc) -> frozenset[int]:
    idx = token_arrays(doc).idx
    return frozenset(idx[i] for ent in doc.ents if ent.label_ == "DATE" for i in range(ent.start, ent.end))


def _count_chars(doc: Doc) -> frozenset[int]:
    """Numbers that count a plural noun ("2000 protesters"): never years."""
    a = token_arrays(doc)
    return frozenset(a.idx[i] for i, dep in enumerate(a.dep) if dep == "nummod" and a.tag[a.head[i]] in {"NNS", "NNPS"})


_YEAR_BACK = re.compile(
    r"(?:an?|one)\s+year\s+(?:ago|earlier)|(?:the\s+)?year-(?:earlier|ago)", re.IGNORECASE
)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def _year_back_to_quarter(doc: Doc, times: list[Time]) -> list[Time]:
    """ "A year earlier" in a sentence about a quarter, or right after one, means that quarter a year before
    ("Profit rose in the third quarter. A year earlier, it had fallen.")."""
    out = []
    for time in times:
        if _YEAR_BACK.match(time.text) and time.value and time.value.isdigit():
            span = doc.char_span(time.start, time.end, alignment_mode="expand")
            since = _previous_sentence_start(span.sent) if span is not None else time.start
            quarters = [_QUARTER.match(t.value or "") for t in times if since <= t.start < time.start]
            found = [q for q in quarters if q]
            if found:
                year, quarter = int(found[-1].group(1)) - 1, found[-1].group(2)
                time = dataclasses.replace(time, value=f"{year}-Q{quarter}")
        out.append(time)
    return out


def _previous_sentence_start(sent: Span) -> int:
    """The first character of the sentence before ``sent`` (of ``sent`` itself when it is the first)."""
    return sent.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char


OUTSIDE_CALENDAR = "the date would fall outside the calendar (years 1 to 9999)"


def find_times(doc: Doc, published: dt.date | None, words: TimeWords) -> list[Time]:
    """Every time expression in the document, found and normalised with ``words`` against the publication date.

    Spans exclude a leading preposition ("on Friday" -> "Friday"), as TimeML does; a value
    that cannot be resolved is None with ``reason`` set.
    """
    text = token_arrays(doc).doc_text
    date_chars, count_chars = _date_chars(doc), _count_chars(doc)
    times = []
    for cand in select(candidates(text, words, date_chars, count_chars)):
        ctx = Context(text, published, words, clause_tense(doc, cand.start, cand.end), date_chars, count_chars)
        try:
            norm = cand.rule.handler(cand.match, ctx)
        except OverflowError:  # a publication date at the calendar's edge ("yesterday" of 0001-01-01)
            norm = Norm(None, "DATE", OUTSIDE_CALENDAR)
        if norm is None:  # accepted in the tense-free probe, refused now: leave it out
            continue
        if cand.rule.name == "year_range" and norm.value is not None:  # "2009-2010": two years, two times
            first, (end_start, end_end) = cand.match.end("year"), cand.match.span("end")
            times.append(Time(cand.start, first, text[cand.start : first], norm.value, "DATE"))
            last = cal.range_end(int(norm.value), cand.match.group("end"))
            times.append(Time(end_start, end_end, text[end_start:end_end], str(last), "DATE"))
            continue
        times.append(
            Time(cand.start, cand.end, text[cand.start : cand.end], norm.value, norm.type, norm.reason)
        )
    log.debug("found %d time expressions", len(times))
    return _year_back_to_quarter(doc, times)


def _governing_chain(trigger: Token) -> list[Token]:
    """The trigger, then each verb governing it up to the sentence root."""
    chain = [trigger]
    token = trigger
    while token.head.i != token.i:
        token = token.head
        if _is_verb(token):
            chain.append(token)
    return chain


def _attached_to(doc: Doc, trigger: Token, time: Time) -> bool:
    """Whether the time sits in the trigger's own subtree, with no embedded clause in between."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    first_head = True
    while token.i != trigger.i:
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i != trigger.i and _is_verb(token):
            return False
        # "his Azerbaijan visit last week", "the 2015 deal": a time on a common noun dates that noun, not the
        # event; but "a court in October granted", "a base in Kenya in January": a time after a noun that names
        # no occurrence is the clause's, attached to the nearest noun by the parser.
        if first_head and token.pos_ != "ADP":
            if (token.i != trigger.i and token.pos_ == "NOUN" and _dates_its_noun(span.root, token)
                    and not _sets_the_deed(token, trigger)):
                return False
            first_head = False
    return True


def _sets_the_deed(noun: Token, trigger: Token) -> bool:
    """Whether ``noun`` is the occasion the trigger's deed happens at, its object of a setting preposition hanging
    on the trigger ("met Kim at the summit in June 2018": the summit's time is the meeting's), or on the object of
    one of the trigger's own prepositions, where the parser often hangs it ("met Kim for the first time at the
    summit in June 2018")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in SETTING_PREPS or prep.i < trigger.i:
        return False
    host = prep.head
    return host.i == trigger.i or (host.dep_ == "pobj" and host.head.dep_ == "prep" and host.head.head.i == trigger.i)


def _dates_its_noun(time_root: Token, noun: Token) -> bool:
    """Whether a time expression whose root is ``time_root``, hanging on the common noun ``noun``, dates the
    noun itself: the noun names an occurrence, or the time modifies it from the left."""
    if noun.lemma_.lower() in EVENT_NOUNS or noun.lower_ in EVENT_NOUNS:
        return True
    first = time_root if time_root.head.i == noun.i else time_root.head  # the time, or its preposition
    return first.i < noun.i and time_root.dep_ in PRENOMINAL_DEPS


def _on_described_noun(doc: Doc, trigger: Token, time: Time) -> bool:
    """Whether ``time`` dates the noun a relative clause on ``trigger`` describes: "the February 2020 pact the
    United States negotiated", "the 2015 deal that Iran signed": the noun's time is the deed's."""
    # Relative clauses only: the small model also parses a "that" complement as an ``acl`` of the noun before it
    # ("told the Today programme that the church wanted").
    if trigger.dep_ != "relcl" or trigger.head.pos_ != "NOUN":
        return False
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root, noun = span.root, trigger.head
    if root.head.i == noun.i:
        return root.dep_ in PRENOMINAL_DEPS or root.dep_ == "npadvmod"
    return root.head.pos_ == "ADP" and root.head.head.i == noun.i and root.head.lower_ in {"in", "of", "on"}


_DURATION = re.compile(r"^P(\d+)([DW])$")


def usable_durations(times: Sequence[Time], sent: Span) -> list[Time]:
    """The sentence's durations in days or weeks ("two days", "a week"), which may offset a deed."""
    return [t for t in times if t.type == "DURATION" and _DURATION.match(t.value or "")
            and sent.start_char <= t.start < sent.end_char]


def _offset_date(doc: Doc, trigger: Token, durations: Sequence[Time], times: Sequence[Time],
                 published: dt.date | None) -> tuple[str, str] | None:
    """The date of a deed told as "N days after/before" another clause's: "His remarks come two days after
    Erdogan denounced Israel" (the denunciation two days before the remarks), "talks began on Monday, a week
    after the army seized the city". The other clause must be dated by its own time, or be in the present
    tense (it happens on the publication day)."""
    if trigger.dep_ != "advcl" or trigger.head.i == trigger.i:
        return None
    mark = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ in {"after", "before"}), None)
    if mark is None:
        return None
    for time in durations:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or len(span) == 0 or span.root.dep_ != "npadvmod" or span.root.head.i not in {
                trigger.i, mark.i}:
            continue
        head = trigger.head
        day, precision, source = date_event(doc, head.i, times, published)
        if day is None or source == ARTICLE and head.tag_ not in {"VBZ", "VBP"}:
            return None
        found = _DURATION.match(time.value or "")
        assert found is not None  # usable_durations keeps matching values only
        days = int(found.group(1)) * (7 if found.group(2) == "W" else 1)
        anchor = dt.date.fromisoformat(day)
        try:
            when = anchor - dt.timedelta(days=days) if mark.lower_ == "after" else anchor + dt.timedelta(days=days)
        except OverflowError:
            return None
        if found.group(2) == "W":
            return (when - dt.timedelta(days=when.weekday())).isoformat(), "week"
        return when.isoformat(), "day" if precision in {"day", None} else precision
    return None


def _date_of(value: str | None, published: dt.date | None) -> tuple[str | None, str | None]:
    if value == "PRESENT_REF" and published is not None:
        return published.isoformat(), "day"
    return value_to_date(value)


def date_event(
    doc: Doc,
    trigger_i: int,
    times: Sequence[Time],
    published: dt.date | None,
    fallback: str | None = None,
    own_only: bool = False,
) -> tuple[str | None, str | None, str | None]:
    """The event's date, precision and source: "YYYY-MM-DD", "day"|"week"|"month"|"year" and "text", or the
    publication date with precision None and source "article", or (None, None, None).

    Order: a dated time expression (DATE or TIME with a calendar value, or PRESENT_REF) in the
    trigger's own clause, then in the clause of each governing verb up to the sentence root; then
    ``fallback`` (a TimeML value or "YYYY-MM-DD" carried by the reporting context); then the
    publication date (precision None: the event's own day is not known, docs/export.md). Among several
    expressions on one clause the finest precision wins, then the nearest to the trigger.
    Week and month values give their first day.
    With ``own_only``, only the trigger's own clause counts, and no time there gives (None, None, None): a deed
    told as background ("Hamas, which attacked Israel, said on Monday") is not dated by the telling.
    """
    trigger = doc[trigger_i]
    sent = trigger.sent
    usable = []
    for time in times:
        if time.type not in {"DATE", "TIME"} or not (sent.start_char <= time.start < sent.end_char):
            continue
        day, precision = _date_of(time.value, published)
        if day is not None and precision is not None:
            usable.append((time, day, precision))
    offset = _offset_date(doc, trigger, usable_durations(times, sent), times, published)
    if offset is not None and not own_only:
        return offset[0], offset[1], TEXT
    for n, clause in enumerate(_governing_chain(trigger)[:1] if own_only else _governing_chain(trigger)):
        attached = [u for u in usable if _attached_to(doc, clause, u[0])]
        if not attached and n == 0:
            attached = [u for u in usable if _on_described_noun(doc, trigger, u[0])]
        if attached:
            best = min(attached, key=lambda u: (PRECISION_RANK[u[2]], abs(u[0].start - trigger.idx)))
            return best[1], best[2], TEXT
    if own_only:
        return None, None, None
    if fallback:
        day, precision = value_to_date(fallback)
        if day is not None:
            return day, precision, TEXT
    if published is not None:
        return published.isoformat(), None, ARTICLE
    return None, None, None
