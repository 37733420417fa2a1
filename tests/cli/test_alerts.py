"""``eventwire alerts`` on a store built from constructed articles; the API's ``/api/alerts`` agrees."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from eventwire.cli.main import main
from eventwire.serve import Settings, make_app
from tests.store.shift_corpus import LAST_WEEK, build_shift_store


def test_alerts_report_the_dyad_that_turned_hostile_and_no_other(tmp_path, capsys):
    db = build_shift_store(tmp_path / "s.db")
    assert main(["alerts", "--db", str(db)]) == 0
    out = capsys.readouterr()
    lines = [line for line in out.out.splitlines() if not line.startswith(" ")]
    assert lines == [lines[0]] and lines[0].startswith(f"{LAST_WEEK}..2024-08-04 DEU-FRA hostile: 4 events")
    assert "conflict share 1 against 0" in lines[0] and "1 dyad shift alert" in out.err
    assert len([line for line in out.out.splitlines() if line.startswith("    ")]) == 4  # the evidence

    assert main(["alerts", "--db", str(db), "--format", "json", "--all-events"]) == 0
    alerts = json.loads(capsys.readouterr().out)
    assert {(a["a"], a["b"]) for a in alerts} == {("DEU", "FRA"), ("ESP", "ITA")}

    with TestClient(make_app(Settings(db=db)), base_url="http://localhost") as client:
        body = client.get("/api/alerts").json()
        assert [(a["a"], a["b"], a["week"]) for a in body["items"]] == [("DEU", "FRA", LAST_WEEK)]
        assert body["rule"]["weeks"] == 8 and body["items"][0]["evidence"]
        assert len(client.get("/api/alerts", params={"all_events": "true"}).json()["items"]) == 2
        assert client.get("/api/alerts", params={"z": "50"}).json()["items"] == []


def test_alerts_refuse_a_missing_store_and_bad_settings(tmp_path, capsys):
    assert main(["alerts", "--db", str(tmp_path / "none.db")]) == 2
    db = build_shift_store(tmp_path / "s.db")
    assert main(["alerts", "--db", str(db), "--alert-weeks", "1"]) == 2
    assert "--alert-weeks" in capsys.readouterr().err
