"""Values every reader hands on are valid UTF-8: file names that are not are escaped, lone surrogates replaced.

SQLite, JSON and the coder take only text that encodes as UTF-8. Two things give Python strings that do not:
file names that are not UTF-8 (the OS's bytes come back as ``\\udcXX`` escapes) and JSON's ``\\ud800``. Left in,
they fail the store's write at the same batch on every rerun; cleaned here, at the reader boundary, they cannot."""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import re
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import Any, TypeVar

from eventwire.records import ArticleText, SourceFailure

log = logging.getLogger(__name__)

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"

Item = ArticleText | SourceFailure
Reader = TypeVar("Reader")


def path_text(path: str | PurePath) -> str:
    """A path as valid UTF-8 text, the same on every run: bytes that are not UTF-8 are written ``\\xe9``."""
    text = str(path)
    if not _SURROGATE.search(text):
        return text
    try:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a surrogate no file system decoding gives (JSON's \ud800 in a path)
        return _SURROGATE.sub(REPLACEMENT, text)


def clean_text(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD (a pair already is one character in Python)."""
    return _SURROGATE.sub(REPLACEMENT, value) if _SURROGATE.search(value) else value


def clean_item(item: Item) -> Item:
    """The article or failure with every text field cleaned; the fields changed are logged as a warning."""
    changed: dict[str, Any] = {f.name: clean_text(value) for f in dataclasses.fields(item)
                               if isinstance(value := getattr(item, f.name), str) and _SURROGATE.search(value)}
    if not changed:
        return item
    where = item.location if isinstance(item, SourceFailure) else item.where
    log.warning("%s: replaced lone surrogates in %s with U+FFFD", clean_text(where or "?"), ", ".join(changed))
    return dataclasses.replace(item, **changed)


def cleaned(read: Callable[[Reader], Iterator[ArticleText | SourceFailure]]) -> (
        Callable[[Reader], Iterator[ArticleText | SourceFailure]]):
    """Decorate a source's ``read``: every item it yields goes through ``clean_item``."""

    @functools.wraps(read)
    def clean_read(self: Reader) -> Iterator[ArticleText | SourceFailure]:
        for item in read(self):
            yield clean_item(item)

    return clean_read
