"""A code filter value is a literal prefix: `%`, `_` and quotes match only themselves, in the export command,
the store's filter and the API (whose code parameters refuse them outright)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from eventwire.cli.corpus import main
from eventwire.serve import Settings, make_app
from eventwire.store.connect import open_store
from eventwire.store.write import Versions, start_run, write_batch
from tests.store.sample import sample_article

# Source codes as a user dictionary might spell them: with LIKE's wildcards and a quote in them.
CODES = {"a1": "RUSGOV", "a2": "R%S", "a3": "R_SGOV", "a4": "O'BGOV", "a5": "ARM"}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    conn = open_store(path)
    items = []
    for article_id, code in CODES.items():
        source, coded = sample_article(article_id, text=f"{article_id}. " + source_text())
        event = coded.events[0]
        items.append((source, replace(coded, events=(replace(event, source=replace(event.source, code=code)),))))
    write_batch(conn, start_run(conn, {}, Versions("c", "d")), items, [], Versions("c", "d"))
    conn.close()
    return path


def source_text() -> str:
    return sample_article()[0].text


def exported(db, tmp_path, *options: str) -> set[str]:  # noqa: ANN001
    out = tmp_path / "e.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(out), *options]) == 0
    return {json.loads(line)["source_code"] for line in out.read_text(encoding="utf-8").splitlines()}


@pytest.mark.parametrize(("options", "codes"), [
    (("--actor", "%"), set()),  # was: every event
    (("--actor", "_"), set()),
    (("--actor", "%%"), set()),
    (("--actor", "R%"), {"R%S"}),
    (("--actor", "r_"), {"R_SGOV"}),  # codes are compared upper-case; `_` is not "any one character"
    (("--actor", "O'"), {"O'BGOV"}),
    (("--actor", "O'B' OR '1'='1"), set()),
    (("--source-actor", "%"), set()),
    (("--target-actor", "_"), set()),
    (("--source-actor", "R"), {"RUSGOV", "R%S", "R_SGOV"}),
    (("--cameo", "%"), set()),
    (("--cameo", "1_"), set()),
    (("--cameo", "11"), set(CODES.values())),
])
def test_code_filters_are_literal_prefixes(db, tmp_path, options, codes):
    assert exported(db, tmp_path, *options) == codes


def test_no_filter_is_every_event(db, tmp_path):
    assert exported(db, tmp_path) == set(CODES.values())


@pytest.mark.parametrize("query", ["actor=%25", "actor=_", "actor=R%25S", "source_actor=R_S", "target_actor=%25%25%25",
                                   "actor=O'B", "cameo=1_", "cameo=%25", "country=%25%25%25", "speaker_code=%25%25%25"])
def test_the_api_refuses_wildcards_in_codes(db, query):
    path = "/api/quotes" if query.startswith("speaker") else "/api/events"
    with TestClient(make_app(Settings(db=db)), base_url="http://localhost") as c:
        response = c.get(f"{path}?{query}")
        assert response.status_code == 422, response.text
        assert c.get("/api/dyads?a=%25%25%25&b=ARM&kind=actor").status_code == 422
        assert c.get("/api/actors?q=%25").json()["items"] == []  # actor search: `%` is a literal character
        assert c.get("/api/actors?q=_").json()["items"] == []
        assert len(c.get("/api/events?actor=RUS").json()["items"]) == 1  # a real prefix still matches
