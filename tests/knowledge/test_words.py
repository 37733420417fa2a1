"""The word lists under data/words/: each has a header saying what it is for, and loads as frozen values."""

from __future__ import annotations

import pytest

from eventwire.knowledge.words import WORDS, word_list, word_list_names, word_map


def test_every_list_says_what_it_is_for_and_has_entries() -> None:
    names = word_list_names()
    assert "currency_words" in names
    for name in names:
        lines = (WORDS / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith(f"# {name}:"), f"{name}.tsv must open with '# {name}: what it is for'"
        assert word_list(name), f"{name}.tsv has no entries"


def test_entries_are_first_columns_and_comments_are_skipped() -> None:
    currencies = word_list("currency_words")
    assert "dram" in currencies and "rouble" in currencies
    assert not any(entry.startswith("#") or "\t" in entry for entry in currencies)


def test_bad_names_are_refused() -> None:
    with pytest.raises(ValueError):
        word_list("../actors/people")
    with pytest.raises(FileNotFoundError):
        word_list("no_such_list")


def test_a_list_without_values_is_no_mapping() -> None:
    with pytest.raises(ValueError, match="no value"):
        word_map("currency_words")
