"""The user dictionaries reach every command that codes: ``code``, ``run``, ``watch`` and ``serve``."""

from __future__ import annotations

import argparse
import json
import pickle
import sqlite3

import pytest
from fastapi.testclient import TestClient

from eventwire.cli.main import main, make_parser
from eventwire.cli.options import UsageError, coder_settings
from eventwire.knowledge.settings import CoderSettings

# A PETRARCH actor dictionary of our own: a made-up country and its general.
ACTORS = "GONDOR [GON]\nBOROMIR_OF_GONDOR [GONMIL]\nBOROMIR [GONMIL]\n"
TEXT = "Boromir accused Russia of lying about the war.\n"


@pytest.fixture()
def actors(tmp_path):
    path = tmp_path / "gondor.actors"
    path.write_text(ACTORS, encoding="utf-8")
    return path


def sources(store):
    conn = sqlite3.connect(store)
    rows = conn.execute("SELECT source_code, cameo, target_code FROM events ORDER BY rowid").fetchall()
    conn.close()
    return rows


def test_every_coding_command_takes_the_dictionary_options():
    parser = make_parser()
    for command in (["code", "a.txt"], ["run", "corpus"], ["watch", "https://example.org/feed"], ["serve"]):
        args = parser.parse_args([*command, "--petrarch-actors", "x.actors", "--petrarch-verbs", "x.verbs"])
        assert (args.petrarch_actors, args.petrarch_verbs) == ("x.actors", "x.verbs"), command


@pytest.mark.slow
def test_a_run_codes_with_a_user_dictionary(tmp_path, actors, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(TEXT, encoding="utf-8")
    plain, with_dictionary = tmp_path / "plain.db", tmp_path / "user.db"
    assert main(["run", str(corpus), "--db", str(plain), "--no-progress"]) == 0
    assert main(["run", str(corpus), "--db", str(with_dictionary), "--no-progress",
                 "--petrarch-actors", str(actors)]) == 0
    assert not any(source == "GONMIL" for source, _, _ in sources(plain))
    assert ("GONMIL", "112", "RUS") in sources(with_dictionary)
    conn = sqlite3.connect(with_dictionary)
    (options,) = conn.execute("SELECT options FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    assert json.loads(options)["petrarch_actors"] == str(actors)


@pytest.mark.slow
def test_serve_codes_posts_with_its_dictionaries(tmp_path, actors, monkeypatch):
    from eventwire.cli.serve import SERVE_DB, SERVE_OPTIONS, app_from_env
    from eventwire.store.connect import open_store

    db = tmp_path / "s.db"
    open_store(db).close()
    monkeypatch.setenv("EVENTWIRE_API_KEY", "k")
    monkeypatch.setenv(SERVE_DB, str(db))  # as `serve --workers 2` hands its options to each worker process
    coder = CoderSettings(petrarch_actors=str(actors))
    monkeypatch.setenv(SERVE_OPTIONS, json.dumps({"coder": coder.describe(), "max_limit": 7}))
    with TestClient(app_from_env(), base_url="http://localhost") as client:
        assert client.app.state.settings.max_limit == 7
        response = client.post("/api/code", json={"text": TEXT, "published": "2024-08-23"}, headers={"X-API-Key": "k"})
    assert response.status_code == 201
    events = response.json()["record"]["events"]
    assert [(e["source"]["code"], e["cameo"]) for e in events] == [("GONMIL", "112")]


def test_settings_are_checked_absolute_and_picklable(tmp_path, actors, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = CoderSettings(petrarch_actors="gondor.actors")
    assert settings.petrarch_actors == str(actors)  # a worker elsewhere reads the same file
    assert pickle.loads(pickle.dumps(settings)) == settings
    before = settings.fingerprint()
    assert before != CoderSettings().fingerprint()
    actors.write_text(ACTORS + "FARAMIR [GONGOV]\n", encoding="utf-8")
    assert settings.fingerprint() != before  # an edited dictionary is another dictionary version
    with pytest.raises(ValueError, match="petrarch_agents needs petrarch_actors"):
        CoderSettings(petrarch_agents="x.agents")
    with pytest.raises(FileNotFoundError, match="--petrarch-verbs"):
        CoderSettings(petrarch_verbs=str(tmp_path / "missing.verbs")).check()


def test_a_bad_combination_is_a_usage_error(capsys):
    with pytest.raises(UsageError):
        coder_settings(argparse.Namespace(petrarch_agents="x.agents"))
    assert main(["code", "-", "--petrarch-agents", "x.agents"]) == 2
    assert "petrarch_agents needs petrarch_actors" in capsys.readouterr().err
