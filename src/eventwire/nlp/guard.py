"""Decide whether a text can be coded: reject binary, oversized or invalid Unicode input, skip empty or non-English
text."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SURROGATE = re.compile("[\ud800-\udfff]")  # a lone one: in a Python string a pair is already one character


class InputRejected(ValueError):
    """The text cannot be coded; the message says why."""


def check_text(text: str, max_chars: int) -> str | None:
    """None when ``text`` can be coded; a reason to return an empty record; raise for unusable input."""
    if "\x00" in text:
        raise InputRejected("input looks binary (it contains NUL bytes)")
    if len(text) > max_chars:
        raise InputRejected(f"input has {len(text):,} characters; the limit is {max_chars:,} (--max-chars)")
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > 0.01:
        raise InputRejected("input looks binary (control characters)")
    surrogate = SURROGATE.search(text)
    if surrogate:  # no UTF-8 holds it: spaCy's string store, SQLite and UTF-8 output fail on it
        raise InputRejected(f"input is not valid Unicode (a lone surrogate, U+{ord(surrogate[0]):04X}, "
                            f"at character {surrogate.start():,})")
    if not text.strip():
        return "empty text"
    words = WORD.findall(sample.lower())
    if not looks_english(words):
        return "text does not look like English"
    return None


def looks_english(words: list[str]) -> bool:
    """Mostly Latin letters, and (for longer texts) enough English function words.

    English news prose has 35-50% function words; a headline-like sentence can have 15%, and
    French or German prose under 8%. Short texts are judged by their script alone.
    """
    if not words:
        return True
    latin = sum(w.isascii() for w in words) / len(words)
    if len(words) >= 5 and latin < 0.5:
        return False
    return len(words) < 30 or sum(w in STOP_WORDS for w in words) / len(words) >= 0.10
