"""Importing people from a Wikidata entity dump, and coding with the imported table.

``data/wikidata_sample.json`` is a dump we wrote in Wikidata's JSON format (the array of the full dump, one entity a
line, with a line that is not JSON). The people and their posts are real (sources below); the countries and
Q5 (human) carry their real Wikidata ids; the people and positions carry ids from Q900000000 up, which are ours.

- Rachel Reeves: Shadow Chancellor of the Exchequer from May 2021 (month only), Chancellor of the Exchequer from
  2024-07-05 (gov.uk, "Chancellor of the Exchequer");
- Johann Wadephul and Annalena Baerbock: Federal Foreign Minister from 2025-05-06, and 2021-12-08 to 2025-05-06
  (auswaertiges-amt.de); Baerbock has a deprecated statement that must be ignored;
- Kemi Badenoch: Leader of the Opposition from 2024-11-02 (conservatives.com); the position has no jurisdiction,
  so her citizenship gives the country;
- Ursula von der Leyen: President of the European Commission (its jurisdiction has no ISO code: left out).
"""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from eventwire.knowledge.actors import load_kb, read_people_table
from eventwire.knowledge.settings import CoderSettings
from eventwire.knowledge.wikidata import import_people, render_table

DUMP = Path(__file__).parent / "data" / "wikidata_sample.json"


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> Path:
    rows, _ = import_people(DUMP)
    path = tmp_path_factory.mktemp("wikidata") / "people.tsv"
    path.write_text(render_table(rows, str(DUMP)), encoding="utf-8")
    return path


def test_the_import_reads_positions_dates_and_countries() -> None:
    rows, report = import_people(DUMP)
    got = {(r["name"], r["code"] or r["country"] + r["sector"], r["role"], r["start"], r["end"]) for r in rows}
    assert got == {
        ("Rachel Reeves", "GBROPP", "Shadow Chancellor of the Exchequer", "2021-05-01", "2024-07-05"),
        ("Rachel Reeves", "GBRGOV", "Chancellor of the Exchequer", "2024-07-05", ""),
        ("Johann Wadephul", "DEUGOV", "Minister of Foreign Affairs", "2025-05-06", ""),
        ("Annalena Baerbock", "DEUGOV", "Minister of Foreign Affairs", "2021-12-08", "2025-05-06"),
        ("Kemi Badenoch", "GBROPP", "Leader of the Opposition", "2024-11-02", ""),
    }
    assert report.bad_lines == 1 and report.people == 4 and report.left_out["no country code"] == 1
    reeves = [r for r in rows if r["name"] == "Rachel Reeves"]
    assert "only the month known" in reeves[0]["source"] and reeves[0]["source"].startswith("Wikidata Q900000001")
    assert reeves[0]["aliases"] == "Reeves"


def test_a_compressed_dump_reads_the_same(tmp_path: Path) -> None:
    packed = tmp_path / "dump.json.gz"
    packed.write_bytes(gzip.compress(DUMP.read_bytes()))
    assert import_people(packed)[0] == import_people(DUMP)[0]


def test_the_imported_table_goes_over_ours(table: Path) -> None:
    actors = {a.name: a for a in load_kb(people=str(table)).actors}
    assert actors["Annalena Baerbock"].id == "Q900000003"  # one actor: the imported record with our names
    assert "Baerbock" in actors["Annalena Baerbock"].aliases
    assert sum(1 for a in load_kb(people=str(table)).actors if a.name == "Annalena Baerbock") == 1
    assert len(read_people_table(table)) == 4


def test_a_file_that_is_not_a_people_table_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("who\twhat\nx\ty\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a people table"):
        read_people_table(bad)


@pytest.fixture(scope="module")
def imported_code(nlp, table: Path):
    from eventwire.pipeline import Coder

    coder = Coder(CoderSettings(people_table=str(table)), nlp=nlp)

    def code(person: str, day: date) -> str | None:
        record = coder.code(f"{person} said on Monday that the plan would cost more.", published=day).to_dict()
        found = [m["code"] for m in record["mentions"] if m["text"] == person]
        return found[0] if found else None

    return code


@pytest.mark.parametrize(("person", "day", "code"), [
    ("Rachel Reeves", date(2024, 7, 4), "GBROPP"),
    ("Rachel Reeves", date(2024, 7, 5), "GBRGOV"),  # the newer post wins on the handover day
    ("Kemi Badenoch", date(2024, 11, 1), "GBR"),  # before her first imported post: her country only
    ("Kemi Badenoch", date(2024, 11, 2), "GBROPP"),
    ("Johann Wadephul", date(2025, 5, 5), "DEU"),
    ("Johann Wadephul", date(2025, 5, 6), "DEUGOV"),
    ("Annalena Baerbock", date(2025, 5, 6), "DEUGOV"),
    ("Annalena Baerbock", date(2025, 5, 7), "DEUELI"),  # the day after her imported role ends
])
def test_imported_roles_change_the_code_on_their_days(imported_code, person: str, day: date, code: str) -> None:
    assert imported_code(person, day) == code
