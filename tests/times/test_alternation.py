"""The word alternation of the time rules, written as a trie, matches what a plain longest-first one would."""

from __future__ import annotations

import random
import re

import pytest

from eventwire.times.rules import alternation

WORDS = ["may", "mayday", "march", "mar", "monday", "mon", "mid", "midweek", "this past", "this", "the",
         "thirty", "thirty one", "one", "on", "o'clock", "a.m."]
TEXTS = ["In mid March, on Monday at 9 a.m. or o'clock", "MAYDAY this  past week; marching thirty\tone",
         "the theme of them", "Mon. Mar Mayor midweeks", ""]


def plain(words: list[str]) -> str:
    parts = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts) + ")"


@pytest.mark.parametrize("suffix", ["", r"\b", r"\s+\d", r"(?:\s+week)?"])
def test_the_trie_matches_like_the_plain_alternation(suffix: str) -> None:
    rng = random.Random(5)
    for _ in range(40):
        words = rng.sample(WORDS, rng.randint(1, len(WORDS)))
        trie = re.compile(rf"(?<![\w.'-]){alternation(words)}{suffix}", re.IGNORECASE)
        flat = re.compile(rf"(?<![\w.'-]){plain(words)}{suffix}", re.IGNORECASE)
        for text in TEXTS:
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], (words, text)


def test_a_word_list_gives_one_branch_per_letter() -> None:
    assert alternation(["June", "July", "Jan", "January"]) == "(?:j(?:an(?:uary)?|u(?:ly|ne)))"
