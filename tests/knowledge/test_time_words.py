"""The time words value: read once, read-only, equal by content, and picklable for worker processes."""

from __future__ import annotations

import pickle

import pytest

from eventwire.knowledge.time_words import Relative, TimeWords, load_time_words


def test_loaded_once_with_both_tables() -> None:
    words = load_time_words()
    assert load_time_words() is words
    assert words.value("month", "Sept.") == "9"
    assert words.value("weekday", "  FRIDAY ") == "5"
    assert words.relatives["yesterday"] == Relative("yesterday", "DATE", "day", "-1", "")
    assert words.relatives["tonight"].suffix == "TNI"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", 3), ("three", 3), ("twenty-five", 25), ("a", 1), ("several", None), ("1,000", 1000), ("2.5", None)],
)
def test_number(text: str, expected: int | None) -> None:
    assert load_time_words().number(text) == expected


def test_pickles_to_an_equal_value() -> None:
    words = load_time_words()
    copy = pickle.loads(pickle.dumps(words))
    assert copy == words
    assert hash(copy) == hash(words)
    assert copy.value("month", "august") == "8"


def test_read_only_and_detached_from_its_inputs() -> None:
    lexicon = {"month": {"agosto": "8"}}
    words = TimeWords(lexicon, {})
    lexicon["month"]["agosto"] = "9"
    assert words.value("month", "Agosto") == "8"
    with pytest.raises(TypeError):
        words.lexicon["month"]["agosto"] = "9"  # type: ignore[index]
    assert words != load_time_words()
