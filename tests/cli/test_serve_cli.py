"""The serve command's arguments, and its refusal of a missing store."""

from __future__ import annotations

import argparse

import pytest

from eventwire.cli.serve import add_serve_command, run_serve
from eventwire.serve.settings import settings_from_env


def parse(argv):
    parser = argparse.ArgumentParser()
    add_serve_command(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_defaults():
    args = parse(["serve"])
    assert (args.db, args.host, args.port) == ("eventwire.db", "127.0.0.1", 8000)
    assert args.handler is run_serve


def test_missing_store_is_exit_2(tmp_path, capsys):
    assert run_serve(parse(["serve", "--db", str(tmp_path / "none.db")])) == 2
    assert "no store" in capsys.readouterr().err


def test_a_file_that_is_not_a_store_is_exit_2_with_a_reason(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not an SQLite database\n" * 10, encoding="utf-8")
    assert run_serve(parse(["serve", "--db", str(path)])) == 2
    err = capsys.readouterr().err
    assert "cannot serve" in err and "not a database" in err and "Traceback" not in err
    assert path.read_text(encoding="utf-8").startswith("these are my notes")  # left as it was


def test_key_and_protection_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTWIRE_API_KEY", "k")
    monkeypatch.setenv("EVENTWIRE_PROTECT_READS", "yes")
    settings = settings_from_env(tmp_path / "s.db", max_limit=10)
    assert settings.api_key == "k" and settings.protect_reads and settings.max_limit == 10


def test_allowed_hosts_are_loopback_the_listen_address_and_the_options():
    from eventwire.cli.serve import serve_overrides

    assert serve_overrides(parse(["serve"]))["allowed_hosts"] == ["127.0.0.1", "localhost", "[::1]"]
    args = parse(["serve", "--host", "0.0.0.0", "--allowed-host", "events.example.org",
                  "--allowed-host", "[2001:db8::1]:8443"])
    assert serve_overrides(args)["allowed_hosts"] == ["localhost", "127.0.0.1", "[::1]", "events.example.org",
                                                      "[2001:db8::1]:8443"]
    assert serve_overrides(parse(["serve", "--host", "::1"]))["allowed_hosts"][0] == "[::1]"
    settings = settings_from_env("s.db", **serve_overrides(args))
    assert settings.allowed_hosts[-1] == "[2001:db8::1]:8443" and isinstance(settings.allowed_hosts, tuple)


@pytest.mark.parametrize("value", ["https://events.example.org", "events.example.org/api", "a b", "", "2001:db8::1"])
def test_an_allowed_host_that_is_not_a_host_is_refused(value, capsys):
    with pytest.raises(SystemExit):
        parse(["serve", "--allowed-host", value])
    assert "not a URL" in capsys.readouterr().err


def test_the_timeout_reaches_the_coder_of_every_worker(monkeypatch, tmp_path):
    import uvicorn

    from eventwire.cli.serve import SERVE_DB, SERVE_OPTIONS, app_from_env
    from eventwire.nlp.budget import SERVE_TIMEOUT_S
    from eventwire.store.connect import open_store

    db = tmp_path / "s.db"
    open_store(db).close()
    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.append(app))
    monkeypatch.setenv(SERVE_DB, "")  # restored after the test: run_serve sets both for its workers
    monkeypatch.setenv(SERVE_OPTIONS, "")
    assert parse(["serve"]).timeout == SERVE_TIMEOUT_S
    assert run_serve(parse(["serve", "--db", str(db), "--timeout", "5"])) == 0
    assert served[0].state.coder.timeout_s == 5  # type: ignore[attr-defined]
    assert run_serve(parse(["serve", "--db", str(db), "--timeout", "0", "--workers", "2"])) == 0
    assert served[1] == "eventwire.cli.serve:app_from_env"
    assert app_from_env().state.coder.timeout_s is None  # 0: no limit, in each worker process too
