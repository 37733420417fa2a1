"""``eventwire kb``: who held a post on a day, an actor's roles, stale entries, and the Wikidata import."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.cli.main import main

DUMP = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "wikidata_sample.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def names(out: str) -> list[str]:
    return [line.split("\t")[1] for line in out.splitlines()]


def test_who_held_a_post_on_a_day(capsys) -> None:
    code, out, _ = run(capsys, "kb", "who", "--post", "foreign minister", "--country", "RUS", "--on", "2020-01-01")
    assert code == 0 and names(out) == ["Sergey Lavrov"]
    _, out, _ = run(capsys, "kb", "who", "--post", "prime minister", "--country", "GBR", "--on", "2024-07-04")
    assert names(out) == ["Rishi Sunak"]
    _, out, _ = run(capsys, "kb", "who", "--post", "prime minister", "--country", "GBR", "--on", "2024-07-06")
    assert names(out) == ["Keir Starmer"]  # not the Deputy Prime Minister, whose post holds the words
    _, out, _ = run(capsys, "kb", "who", "--post", "Secretary of State", "--country", "USA", "--on", "2025-02-01")
    assert names(out) == ["Marco Rubio"]


def test_who_by_code_finds_broad_actors_and_needs_something_to_look_for(capsys) -> None:
    code, out, _ = run(capsys, "kb", "who", "--code", "ARGGOVMIL", "--on", "2007-01-01", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and "Nilda Garre" in [r["name"] for r in rows]
    assert all(r["source"] for r in rows)
    _, out, _ = run(capsys, "kb", "who", "--code", "ARGGOVMIL", "--on", "2007-01-01", "--no-broad-kb")
    assert "Nilda Garre" not in out
    code, _, err = run(capsys, "kb", "who", "--on", "2020-01-01")
    assert code == 2 and "needs --post" in err


def test_show_lists_roles_with_sources_and_the_code_on_a_day(capsys) -> None:
    code, out, _ = run(capsys, "kb", "show", "Sergei Lavrov", "--on", "2003-06-01", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["id"] == "sergey-lavrov"
    assert any(r.get("role") == "Minister of Foreign Affairs" and r["span"] == "2004-03-09.." for r in rows)
    assert rows[-1] == {"id": "sergey-lavrov", "on": "2003-06-01", "code": "RUSGOV",
                        "role": "Permanent Representative to the United Nations"}
    code, _, err = run(capsys, "kb", "show", "Nobody Atall")
    assert code == 1 and "no actor" in err


def test_stale_lists_open_roles_with_no_fact_recorded_since_the_day(capsys) -> None:
    _, out, _ = run(capsys, "kb", "stale", "--before", "2004-01-01", "--format", "json")
    rows = json.loads(out)
    assert rows and all(r["span"].endswith("..") and r["span"] < "2004" for r in rows)
    assert "Sergey Lavrov" not in [r["name"] for r in rows]  # his last recorded fact: 2004-03-09
    _, later, _ = run(capsys, "kb", "stale", "--before", "2004-03-10", "--format", "json")
    assert [r["role"] for r in json.loads(later) if r["name"] == "Sergey Lavrov"] == ["Minister of Foreign Affairs"]
    _, broad, _ = run(capsys, "kb", "stale", "--before", "2004-03-10", "--broad", "--format", "json")
    assert len(json.loads(broad)) > 10 * len(json.loads(later))


def test_import_wikidata_writes_a_table_the_coder_uses(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "kb", "import-wikidata", str(DUMP), "--out", str(tmp_path / "kb"))
    table = tmp_path / "kb" / "people.tsv"
    assert code == 0 and table.is_file() and "4 people" in err and "1 bad lines" in err
    _, out, _ = run(capsys, "kb", "who", "--post", "leader of the opposition", "--country", "GBR",
                    "--on", "2025-01-01", "--people-table", str(table))
    assert names(out) == ["Kemi Badenoch"]
    article = tmp_path / "a.txt"
    article.write_text("Rachel Reeves said the budget would be balanced.", encoding="utf-8")
    code, out, _ = run(capsys, "code", str(article), "--published", "2024-08-01", "--people-table", str(table))
    mention = next(m for m in json.loads(out)["mentions"] if m["text"] == "Rachel Reeves")
    assert code == 0 and (mention["id"], mention["code"]) == ("Q900000001", "GBRGOV")


def test_import_and_table_errors_are_clear(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "kb", "import-wikidata", str(tmp_path / "none.json"), "--out", str(tmp_path))
    assert code == 2 and "no such dump" in err
    bad = tmp_path / "bad.tsv"
    bad.write_text("who\twhat\nx\ty\n", encoding="utf-8")
    code, _, err = run(capsys, "kb", "show", "Lavrov", "--people-table", str(bad))
    assert code == 2 and "not a people table" in err
    article = tmp_path / "a.txt"
    article.write_text("Lavrov spoke.", encoding="utf-8")
    code, _, err = run(capsys, "code", str(article), "--people-table", str(bad))
    assert code == 2 and "not a people table" in err
