"""A stage made slow for one article: how the budget tests get an article that overruns, on any machine."""

from __future__ import annotations

import time
from typing import Any

import pytest

import eventwire.pipeline

SLOW_WORD = "slowly"  # an article whose text has this word takes SLOW_S more to find its times
SLOW_S = 2.5
BUDGET_S = 1.5  # enough for a one-sentence article on a loaded machine, not for the slow one


def slow_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``find_times`` sleep SLOW_S seconds on a document whose text has SLOW_WORD."""
    real = eventwire.pipeline.find_times

    def find_times(doc: Any, day: Any, words: Any) -> Any:
        if SLOW_WORD in doc.text:
            time.sleep(SLOW_S)
        return real(doc, day, words)

    monkeypatch.setattr(eventwire.pipeline, "find_times", find_times)
