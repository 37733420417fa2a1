"""What every coded record must be, whatever text it came from: JSON, valid against the published schema, and
with every span inside the text and its text the text's own characters there."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources
from typing import Any

import jsonschema

from eventwire.records import ArticleText, SourceFailure

SCHEMA = json.loads(resources.files("eventwire").joinpath("schema/coded-article.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
_SURROGATE = re.compile("[\ud800-\udfff]")


def record_problems(record: dict[str, Any], text: str) -> list[str]:
    """Every way ``record`` (a ``CodedArticle.to_dict()``) breaks the properties; empty when it holds them."""
    try:
        json.loads(json.dumps(record))
    except (TypeError, ValueError) as error:
        return [f"not JSON: {error}"]
    problems = [f"schema: {e.message} at {'/'.join(map(str, e.absolute_path))}" for e in VALIDATOR.iter_errors(record)]
    for path, span in _spans(record, "record"):
        start, end = span["start"], span["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            problems.append(f"{path}: span {start}-{end} is not inside the text (length {len(text)})")
        elif "text" in span and span["text"] != text[start:end]:
            problems.append(f"{path}: span text {span['text']!r} is not the text's {text[start:end]!r}")
    return problems


def _spans(value: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    """Each object with ``start`` and ``end`` anywhere in ``value`` (mentions, events, triggers, quotes, cues...)."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(value, dict):
        if "start" in value and "end" in value:
            found.append((path, value))
        for key, inner in value.items():
            found += _spans(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            found += _spans(inner, f"{path}[{n}]")
    return found


def item_problems(item: object) -> list[str]:
    """Every way a reader's item breaks the readers' contract: an ``ArticleText`` with text to code and a checked
    day, or a ``SourceFailure`` saying where and why; every text field valid UTF-8 (the store takes no other)."""
    if not isinstance(item, (ArticleText, SourceFailure)):
        return [f"not an article or a failure: {item!r}"]
    problems = []
    for name, value in vars(item).items():
        if isinstance(value, str) and _SURROGATE.search(value):
            problems.append(f"{name} is not valid UTF-8: {value!r}")
    if isinstance(item, SourceFailure):
        if not (item.location and item.reason):
            problems.append(f"a failure without its location or reason: {item!r}")
    elif not item.text.strip():
        problems.append(f"an article without text: {item!r}")
    elif item.published is not None and not is_day(item.published):
        problems.append(f"published is not a day: {item.published!r}")
    return problems


def is_day(value: str) -> bool:
    """Whether ``value`` is a real day written ``YYYY-MM-DD``."""
    try:
        return date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False
