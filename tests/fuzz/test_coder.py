"""Fuzzing the coder (issue 16): any text is coded or refused for a documented reason, and its record holds.

Texts are built by ``texts.article_text`` from news sentences of our own and hostile pieces; publication days
leave out the years of the known date crashes (``test_regressions.py`` holds those, marked). The examples are
fixed (derandomized), so a failure here is a finding, never noise: hypothesis prints the smallest text."""

from __future__ import annotations

import time

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from eventwire.nlp.guard import InputRejected
from eventwire.records import ArticleText, CodedArticle, article_id
from tests.fuzz.properties import record_problems
from tests.fuzz.strategies import CELLS, FUZZ, SLOW, article_texts, publication_days

pytestmark = pytest.mark.slow

FUZZ_CODER = settings(FUZZ, max_examples=300)

METADATA = st.fixed_dictionaries({}, optional={"title": CELLS, "url": CELLS, "source": CELLS, "id": CELLS})
# Each refusal the guard documents, and what in the text justifies it.
REFUSALS = {
    "NUL bytes": lambda text, limit: "\x00" in text,
    "the limit is": lambda text, limit: len(text) > limit,
    "control characters": lambda text, limit: any(ord(c) < 32 and c not in "\n\r\t\f" for c in text[:20000]),
    "lone surrogate": lambda text, limit: any("\ud800" <= c <= "\udfff" for c in text),
}


def rightly_refused(refusal: InputRejected, text: str, limit: int) -> bool:
    return any(why in str(refusal) and holds(text, limit) for why, holds in REFUSALS.items())


@FUZZ_CODER
@given(text=article_texts(), published=publication_days(), metadata=METADATA)
def test_any_text_is_coded_or_refused_and_its_record_holds(coder, text, published, metadata):
    started = time.perf_counter()
    try:
        record = coder.code(text, published, **metadata)
    except InputRejected as refusal:
        assert rightly_refused(refusal, text, coder.max_chars), refusal
        event(f"refused: {str(refusal).split(' (')[0]}")
        return
    event(f"coded: {'with' if record.events else 'no'} events, {'with' if record.quotes else 'no'} quotes, "
          f"{'with' if record.times else 'no'} times, {'warning' if record.warnings else 'read'}")
    assert time.perf_counter() - started < SLOW.total_seconds(), f"{len(text)} characters took too long"
    assert record_problems(record.to_dict(), text) == []
    assert record.article.published == published
    assert record.article.id == (metadata.get("id") or article_id(text))


@settings(FUZZ_CODER, max_examples=100)
@given(st.lists(st.tuples(article_texts(max_pieces=4), publication_days()), min_size=1, max_size=6))
def test_a_batch_keeps_its_order_and_refuses_only_its_bad_texts(coder, articles):
    items = [ArticleText(text, day, id=f"a{n}") for n, (text, day) in enumerate(articles)]
    results = list(coder.code_or_reject(items))
    assert len(results) == len(items)
    for item, result in zip(items, results, strict=True):
        if isinstance(result, InputRejected):
            assert rightly_refused(result, item.text, coder.max_chars), result
            continue
        assert isinstance(result, CodedArticle) and result.article.id == item.id
        assert record_problems(result.to_dict(), item.text) == []
