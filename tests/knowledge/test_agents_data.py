"""The generic agent nouns derived from PETRARCH-2 (data/actors/agents_phoenix.tsv) and how they load."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from eventwire.knowledge.actors import DATA, load_default_kb
from eventwire.knowledge.tables import read_rows
from tests.knowledge.test_kb_data import SECTOR_CODES

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "scripts" / "build_agents.py"


def rows() -> list[dict[str, str]]:
    return list(read_rows(DATA / "agents_phoenix.tsv"))


def test_every_row_has_a_documented_sector_and_a_source() -> None:
    found = rows()
    assert len(found) > 1000
    for r in found:
        assert r["phrase"] == r["phrase"].lower() and r["phrase"].strip() == r["phrase"], r
        assert r["sector"] in SECTOR_CODES and r["code"].startswith(r["sector"]), r
        assert "Phoenix" in r["source"] and "MIT" in r["source"], r


def test_our_own_phrases_win_over_the_derived_ones() -> None:
    curated = {r["phrase"] for r in read_rows(DATA / "sectors.tsv")}
    assert not curated & {r["phrase"] for r in rows()}
    by_phrase: dict[str, str] = {}
    for s in load_default_kb().sectors:
        by_phrase.setdefault(s.phrase, s.sector)
    assert by_phrase["protesters"] == "CVL"  # ours (the dictionary says OPP)
    assert by_phrase["gunmen"] == "UAF" and by_phrase["smuggler"] == "CRM"  # derived


def test_the_committed_file_is_what_the_build_script_writes() -> None:
    spec = importlib.util.spec_from_file_location("build_agents", BUILD_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not module.DEFAULT_AGENTS.exists():
        pytest.skip("the PETRARCH-2 dictionaries are not in ../shared")
    built = [{k: r[k] for k in ("phrase", "sector", "code", "source")} for r in module.build(module.DEFAULT_AGENTS)]
    assert built == rows(), "agents_phoenix.tsv is stale: run scripts/build_agents.py"
