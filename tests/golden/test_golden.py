"""Golden tests: one folder per phenomenon, each article coded and compared with its expected.json.

The expected files are written only on purpose, by ``python scripts/regen_golden.py``, after the
change they record has been read and judged right.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.canonical import canonical

HERE = Path(__file__).parent
CASES = sorted(p for p in HERE.iterdir() if (p / "article.txt").is_file())

pytestmark = pytest.mark.slow


def test_there_is_a_case_per_phenomenon():
    names = {p.name for p in CASES}
    assert names >= {"compound-subject", "passive", "reciprocal", "nominal-and-clausal", "negated-accusation",
                     "intent", "metonym", "quote-linked-event", "relative-date", "indirect-quote",
                     "quote-multiparagraph", "quote-partial", "quote-inverted-and-pronoun", "quote-single-marks"}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden(case: Path, coder):
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    record = coder.code((case / "article.txt").read_text(encoding="utf-8"), published=meta["published"])
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert canonical(record) == expected
