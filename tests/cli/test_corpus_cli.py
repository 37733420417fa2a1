"""The corpus commands: every option is documented, and bad arguments are refused."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from eventwire.cli.corpus import add_corpus_commands, main

DOCS = Path(__file__).resolve().parents[2] / "docs"


def subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    add_corpus_commands(sub)
    return dict(sub.choices)


@pytest.mark.parametrize(("command", "doc"), [("run", "run.md"), ("export", "export.md")])
def test_every_option_is_documented(command, doc):
    text = (DOCS / doc).read_text(encoding="utf-8")
    options = [o for a in subparsers()[command]._actions for o in a.option_strings if o.startswith("--")]
    assert options and [o for o in options if o not in text and o != "--help"] == []


def test_bad_arguments_are_refused():
    for argv in (["run", "x", "--workers", "0"], ["export", "--since", "yesterday"], ["run"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2


def test_a_file_that_is_not_a_store_is_refused(tmp_path, capsys):
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not SQLite, just text that is long enough to have a header" * 10)
    (tmp_path / "src").mkdir()
    assert main(["run", str(tmp_path / "src"), "--db", str(bad), "--no-progress"]) == 2
    assert main(["export", "--db", str(bad)]) == 2
    assert "cannot use the store" in capsys.readouterr().err
    assert bad.read_bytes().startswith(b"this is not SQLite")
