"""The VOA audit's judgment carry-over: an unchanged event keeps its judgment, a changed one is judged again."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "eval"


def load_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("voa_audit_eval", EVAL / "voa_audit.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["voa_audit_eval"] = module
    spec.loader.exec_module(module)
    return module


STORY = {"id": "77", "published": "2025-03-13T10:00:00", "title": "A story"}


def event(date: str, target: str | None = "GTMGOV", negated: bool = False) -> dict:
    return {"cameo": "112", "source": {"text": "Rohan", "code": "RHNGOV"},
            "target": {"text": "Gondor", "code": target} if target else None,
            "date": date, "date_precision": "day", "negated": negated, "trigger": {"text": "accused"}}


def test_full_and_compact_blocks_have_the_same_key(tmp_path: Path) -> None:
    audit = load_module()
    full = audit.block(1, STORY, event("2025-03-12"), "Rohan accused Gondor.")
    short = audit.compact(4, STORY, event("2025-03-12"))
    assert audit.block_key(full) == audit.block_key(short) == (
        "77", "112", "RHNGOV", "GTMGOV", "none", "2025-03-12 (day)")
    assert audit.block_key(audit.compact(1, STORY, event("2025-03-12", target=None)))[3] == "null"


def test_carry_keeps_unchanged_and_asks_again_for_changed(tmp_path: Path) -> None:
    audit = load_module()
    old = tmp_path / "old.txt"
    old.write_text(
        "# header\n\n" + audit.compact(1, STORY, event("2025-03-12")).replace("? ? ? ?", "y y n y")
        + "\n" + audit.compact(2, STORY, event("2025-03-01")).replace("? ? ? ?", "y n y n"),
        encoding="utf-8")
    new = "# header\n\n" + "\n".join([
        audit.block(1, STORY, event("2025-03-12"), "Rohan accused Gondor."),  # unchanged: carried
        audit.block(2, STORY, event("2025-03-02"), "Rohan accused Gondor."),  # date changed: judged again
        audit.block(3, STORY, event("2025-03-12", negated=True), "Rohan did not accuse Gondor."),  # flags
    ])
    text, carried = audit.carry(new, audit.judgments(old))
    assert carried == 1
    assert text.count("judged: y y n y") == 1 and text.count("judged: ? ? ? ?") == 2


def test_ambiguous_old_keys_are_not_carried(tmp_path: Path) -> None:
    audit = load_module()
    old = tmp_path / "old.txt"
    old.write_text(audit.compact(1, STORY, event("2025-03-12")).replace("? ? ? ?", "y y y y") + "\n"
                   + audit.compact(2, STORY, event("2025-03-12")).replace("? ? ? ?", "n y y y"), encoding="utf-8")
    assert audit.judgments(old) == {}
