"""Exports: CSV parses back, Parquet reads with pyarrow typed, PLOVER records, filters apply."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pyarrow.parquet as pq
import pytest

from eventwire.cli.corpus import main
from eventwire.export.columns import NAMES
from eventwire.export.writers import export_events
from eventwire.store.connect import open_store
from eventwire.store.filters import EventFilter
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.sample import sample_article


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    conn = open_store(path)
    run = start_run(conn, {}, Versions("c", "d"))
    write_batch(conn, run, [sample_article("a1"), sample_article("a2", text="Other.", cameo="042", date=None,
                                                                  published="2023-01-04")], [], Versions("c", "d"))
    conn.close()
    return path


def test_csv_parses_back(db, tmp_path):
    out = tmp_path / "e.csv"
    assert export_events(db, "csv", out=out) == 2
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == NAMES
    assert [r["event_id"] for r in rows] == ["a2-E1", "a1-E1"]
    a1 = rows[1]
    assert (a1["event_date"], a1["source_code"], a1["target_country"], a1["cameo_root"], a1["quad_class"]) == (
        "2024-08-23", "RUSGOV", "ARM", "11", "3")
    assert a1["negated"] == "0" and a1["plover_context"] == "diplomatic" and a1["latitude"] == "40.18"
    assert rows[0]["event_date"] == "2023-01-04"  # no date of its own: the article's


def test_parquet_is_typed(db, tmp_path):
    out = tmp_path / "e.parquet"
    assert export_events(db, "parquet", out=out) == 2
    table = pq.read_table(out)
    assert table.column_names == list(NAMES)
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("goldstein").type) == "double"
    assert str(table.schema.field("negated").type) == "bool"
    rows = table.to_pylist()
    assert rows[1]["event_date"] == dt.date(2024, 8, 23) and rows[1]["quad_class"] == 3


def test_empty_parquet_still_has_the_schema(db, tmp_path):
    out = tmp_path / "none.parquet"
    assert export_events(db, "parquet", EventFilter(actor="USA"), out) == 0
    assert pq.read_table(out).num_rows == 0 and pq.read_table(out).column_names == list(NAMES)


def test_plover_layout(db, tmp_path):
    out = tmp_path / "e.jsonl"
    export_events(db, "plover", EventFilter(plover="ACCUSE", since="2024-01-01"), out)
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["event"] == "ACCUSE" and record["date"] == "2024-08-23"
    assert record["source"] == [{"actorText": "Moscow", "code": "RUS", "sector": "GOV", "cameoCode": "RUSGOV",
                                 "name": "Russia-Gov"}]
    assert record["target"][0]["code"] == "ARM" and record["eventText"] == "accused"
    assert record["eventLoc"]["placeName"] == "Yerevan" and record["size"] is None


def test_command_line_filters(db, tmp_path, capsys):
    out = tmp_path / "e.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(out), "--cameo", "04"]) == 0
    assert [json.loads(x)["event_id"] for x in out.read_text().splitlines()] == ["a2-E1"]
    assert main(["export", "--db", str(db), "--format", "csv", "--country", "RUS", "--until", "2024-01-01"]) == 0
    assert capsys.readouterr().out.count("\n") == 2  # header and one event
    assert main(["export", "--db", str(tmp_path / "missing.db"), "--format", "csv"]) == 2
