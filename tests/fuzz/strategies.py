"""Hypothesis strategies: article texts (``texts.article_text`` driven by hypothesis, so a failure shrinks to
its fewest and plainest pieces), publication days, and the bytes of the files and feeds the readers take."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.fuzz import texts

T = TypeVar("T")

# One budget for every fuzz test: derandomized (the same examples on every run, so CI is reproducible and a
# failure reproduces at once), no example database, no deadline (2 shared cores make timings noise); each test
# sets its own ``max_examples`` (raise it to explore more; ``benchmarks/fuzz.py`` is the long run).
FUZZ = settings(derandomize=True, database=None, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# What one coded example may take, at most, before the test calls it a hang (issue 16: none over 10 s on an idle
# machine; the margin is for the shared cores).
SLOW = timedelta(seconds=30)

ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and control characters included


class HypothesisDraw:
    """The fuzz tests' driver for ``texts.article_text``: every choice is a hypothesis draw."""

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self.draw = draw

    def pick(self, options: Sequence[T]) -> T:
        return self.draw(st.sampled_from(options))  # type: ignore[no-any-return]

    def number(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))  # type: ignore[no-any-return]

    def code_points(self, size: int) -> str:
        return self.draw(st.text(ANY_CHARACTER, max_size=size))  # type: ignore[no-any-return]


@st.composite
def article_texts(draw: Callable[[st.SearchStrategy[Any]], Any], caps: Sequence[int] = texts.MEDIUM_CAPS,
                  max_pieces: int = 12) -> str:
    return texts.article_text(HypothesisDraw(draw), caps, max_pieces)


@st.composite
def publication_days(draw: Callable[[st.SearchStrategy[Any]], Any], known_crashes: bool = False) -> str | None:
    return texts.publication_day(HypothesisDraw(draw), known_crashes)


SHORT_TEXTS = article_texts(caps=texts.SHORT_CAPS, max_pieces=4)
# Anything a reader's metadata cell may hold: words, hostile text, nothing.
CELLS = st.one_of(st.none(), st.sampled_from(texts.NAMES + texts.DATES), st.text(ANY_CHARACTER, max_size=30),
                  SHORT_TEXTS)
# A date as a feed, a page or a spreadsheet writes one, or does not.
DATE_CELLS = st.one_of(
    st.none(), publication_days(known_crashes=True), st.sampled_from(texts.DATES),
    st.sampled_from(("2024-08-23T23:30:00-05:00", "Fri, 14 Mar 2025 20:30:26 GMT", "14 March 2025", "March 14, 2025",
                     "Friday, Mar. 14 2025, 8:30 PM", "14 Mar 99", "1 Jan 049", "Sept 3, 2020", " ", "2024-02-30")),
    st.text(st.characters(codec="ascii"), max_size=30), st.text(ANY_CHARACTER, max_size=12))
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(ANY_CHARACTER, max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8)
CODECS = ("utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1")


@st.composite
def encoded(draw: Callable[[st.SearchStrategy[Any]], Any], text: str) -> bytes:
    """``text`` as a file holds it: in some codec (what it cannot encode replaced or escaped), maybe damaged."""
    codec = draw(st.sampled_from(CODECS))
    errors = draw(st.sampled_from(("replace", "backslashreplace") + (("surrogatepass",) if "utf" in codec else ())))
    data = text.encode(codec, errors)
    return draw(damaged(data))


@st.composite
def damaged(draw: Callable[[st.SearchStrategy[Any]], Any], data: bytes) -> bytes:
    """``data`` as it is, cut short, or with bytes put in or overwritten somewhere."""
    how = draw(st.sampled_from(("as is", "as is", "cut", "insert", "overwrite")))
    if how == "as is" or not data:
        return data
    at = draw(st.integers(0, len(data)))
    if how == "cut":
        return data[:at]
    junk = draw(st.binary(min_size=1, max_size=16))
    return data[:at] + junk + data[at + (len(junk) if how == "overwrite" else 0):]


@st.composite
def table_rows(draw: Callable[[st.SearchStrategy[Any]], Any]) -> dict[str, Any]:
    """A row of a JSON Lines or CSV file: the usual columns, any of them missing, odd or of another type."""
    row: dict[str, Any] = {}
    for column, values in (("text", st.one_of(SHORT_TEXTS, JSON_VALUES)), ("title", CELLS), ("published", DATE_CELLS),
                           ("url", CELLS), ("id", st.one_of(CELLS, st.integers())), ("source", CELLS)):
        if draw(st.integers(0, 5)):
            row[column] = draw(values)
    row.update(draw(st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=2)))
    return row


@st.composite
def json_lines(draw: Callable[[st.SearchStrategy[Any]], Any]) -> bytes:
    """A JSON Lines file: rows, and lines that are no JSON, not an object, or nested too deep to read."""
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(("row", "row", "row", "value", "broken", "deep", "text")))
        if kind == "row":
            lines.append(json.dumps(draw(table_rows()), ensure_ascii=draw(st.booleans())))
        elif kind == "value":
            lines.append(json.dumps(draw(JSON_VALUES)))
        elif kind == "broken":
            lines.append(json.dumps(draw(table_rows()))[: draw(st.integers(0, 40))])
        elif kind == "deep":
            depth = draw(st.sampled_from((10, 1000, 100_000)))
            lines.append('{"text": ' + "[" * depth + "]" * depth + "}")
        else:
            lines.append(draw(SHORT_TEXTS))
    return draw(encoded(draw(st.sampled_from(("\n", "\r\n", "\r"))).join(lines)))


@st.composite
def csv_files(draw: Callable[[st.SearchStrategy[Any]], Any]) -> bytes:
    """A CSV file: a header of the usual columns (shuffled, some missing), rows of any cells, maybe damaged."""
    import csv
    import io

    header = draw(st.permutations(["text", "title", "published", "url", "id", "source"]))
    header = header[: draw(st.integers(0, len(header)))] + draw(st.lists(st.text(max_size=6), max_size=2))
    out = io.StringIO()
    writer = csv.writer(out, quoting=draw(st.sampled_from((csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC))))
    writer.writerow(header)
    for _ in range(draw(st.integers(0, 5))):
        row = draw(table_rows())
        cells = [row.get(column) for column in header]
        writer.writerow(cells[: draw(st.integers(0, len(cells) + 1))] + draw(st.lists(CELLS, max_size=2)))
    if draw(st.integers(0, 9)) == 0:  # one cell longer than the csv module's field limit
        writer.writerow(["x" * 140_000])
    return draw(encoded(out.getvalue()))
