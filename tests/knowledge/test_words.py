"""The word lists under data/words/: each has a header saying what it is for, and loads as frozen values."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from eventwire.knowledge.words import WORDS, word_list, word_list_names, word_map

SRC = Path(__file__).resolve().parents[2] / "src" / "eventwire"
SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"  # the lexicon builder reads lists too


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


def test_no_entry_is_listed_twice() -> None:
    for name in word_list_names():
        lines = (WORDS / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
        entries = [line.split("\t")[0].strip() for line in lines if line.strip() and not line.startswith("#")]
        twice = sorted({e for e in entries if entries.count(e) > 1})
        assert not twice, f"{name}.tsv lists {twice} more than once"


def _names_read_in_src() -> set[str]:
    """The list names that code under src/eventwire or scripts/ passes to word_list() or word_map()."""
    read: set[str] = set()
    for path in [*SRC.rglob("*.py"), *SCRIPTS.rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in {"word_list", "word_map"}
                    and node.args and isinstance(node.args[0], ast.Constant)):
                read.add(node.args[0].value)
    return read


def test_every_list_is_read_and_every_name_read_is_a_list() -> None:
    read = _names_read_in_src()
    assert "place_complement_nouns" in read and "negation_adverbs" in read
    assert read == set(word_list_names()), "a list nobody reads, or a name with no file"


def test_the_lists_are_what_the_stages_test_against() -> None:
    from eventwire.actors import metonymy, resolve
    from eventwire.events import clauses

    assert metonymy.PLACE_COMPLEMENT_NOUNS == word_list("place_complement_nouns")
    assert not hasattr(metonymy, "PLACE_NOUNS")  # one name, one meaning: the old ambiguous name is gone
    assert "coast" in metonymy.PLACE_COMPLEMENT_NOUNS and "coast" not in resolve.PLACE_NAME_HEADS
    assert "province" in resolve.PLACE_NAME_HEADS and "hostage" in clauses.CAPTIVE_NOUNS
    assert word_list("petrarch_prepositions") >= {"AGAINST", "WITH"}  # kept in PETRARCH's capitals
