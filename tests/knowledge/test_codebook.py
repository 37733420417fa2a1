"""Tests of the shipped CAMEO codebook and of the script that builds it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from eventwire.knowledge.codebook import CODEBOOK, load_codebook, lookup, parse_codebook, root_of

REPO = Path(__file__).resolve().parents[2]
TABLE = REPO.parent / "shared" / "data" / "plover-gsr-cameo" / "CAMEO2PLOVER-2021.txt"
ROOTS = [f"{i:02d}" for i in range(1, 21)]


def load_script():
    spec = importlib.util.spec_from_file_location("build_codebook", REPO / "scripts" / "build_codebook.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["build_codebook"] = module
    spec.loader.exec_module(module)
    return module


def test_all_roots_present():
    book = load_codebook()
    assert all(root in book for root in ROOTS)
    assert all(f"{root}0" in book for root in ROOTS)


def test_size_and_code_shapes():
    book = load_codebook()
    assert 300 <= len(book) <= 330
    assert all(c.isdigit() and 2 <= len(c) <= 4 for c in book)


def test_every_code_has_its_root_and_parent():
    book = load_codebook()
    for code in book:
        assert root_of(code) in book
        if len(code) == 4:
            assert code[:3] in book, code


def test_quad_class_follows_root():
    expected = {r: 1 if int(r) <= 5 else 2 if int(r) <= 8 else 3 if int(r) <= 13 else 4 for r in ROOTS}
    for code, entry in load_codebook().items():
        assert entry.quad_class == expected[root_of(code)], code


def test_goldstein_range_and_known_values():
    book = load_codebook()
    assert all(-10.0 <= c.goldstein <= 10.0 for c in book.values())
    known = {"010": 0.0, "040": 1.0, "042": 1.9, "051": 3.4, "036": 4.0, "111": -2.0, "112": -2.0,
             "190": -10.0, "0874": 10.0, "163": -8.0, "057": 8.0}
    for code, value in known.items():
        assert book[code].goldstein == value, code


def test_plover_examples():
    book = load_codebook()
    assert book["042"].plover_type == "CONSULT" and book["042"].plover_mode == "visit"
    assert book["091"].plover_context == ("crime", "corruption")
    assert book["010"].plover_type is None
    assert book["040"].plover_mode is None and book["040"].plover_context == ()


def test_root_of_and_lookup():
    assert root_of("0231") == "02"
    assert root_of("190") == "19"
    with pytest.raises(ValueError):
        root_of("x1")
    assert lookup("0871").name.startswith("Declare truce")
    assert lookup("0879").code == "087"
    assert lookup("999") is None


def test_parse_codebook_handles_comments():
    text = "# note\ncode\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n" \
           "091\tInvestigate\t-2.0\t3\tACCUSE\tinvestigate\tcrime|corruption\n"
    entry = parse_codebook(text)["091"]
    assert entry.plover_context == ("crime", "corruption") and entry.quad_class == 3


@pytest.mark.skipif(not TABLE.exists(), reason="../shared/data/plover-gsr-cameo is absent")
def test_plover_type_for_every_mapped_code():
    script = load_script()
    table = script.read_plover_table(TABLE)
    book = load_codebook()
    assert set(table) <= set(book)
    for code, cell in table.items():
        assert book[code].plover_type, code
        assert book[code].plover_mode == (cell.mode or None), code


@pytest.mark.skipif(not TABLE.exists(), reason="../shared/data/plover-gsr-cameo is absent")
def test_committed_codebook_matches_script_output():
    script = load_script()
    built = script.build(REPO / "src" / "eventwire" / "data" / "codebook" / "cameo_base.tsv", TABLE)
    assert CODEBOOK.read_text(encoding="utf-8") == built
