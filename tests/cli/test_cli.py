"""The ``eventwire`` command on good and bad input: records on stdout, clear errors on stderr."""

from __future__ import annotations

import json

import pytest

from eventwire.cli.main import main

pytestmark = pytest.mark.slow


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_code_prints_a_json_record(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Putin praised Pashinyan on Monday.", encoding="utf-8")
    code, out, _ = run(capsys, "code", str(path), "--published", "2024-08-23", "--format", "json")
    record = json.loads(out)
    assert code == 0 and record["article"]["id"] == "a"
    assert [(e["source"]["code"], e["cameo"], e["target"]["code"], e["date"]) for e in record["events"]] == [
        ("RUSGOV", "051", "ARMGOV", "2024-08-19")
    ]


def test_table_format_has_a_line_per_event(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Putin praised Pashinyan. Aliyev accused Pashinyan of lying.", encoding="utf-8")
    code, out, _ = run(capsys, "code", str(path), "--format", "table")
    assert code == 0 and "051" in out and "112" in out


def test_cp1252_file_is_decoded_with_a_warning(tmp_path, capsys, caplog):
    path = tmp_path / "a.txt"
    path.write_bytes("Putin praised Pashinyan\u2019s government.".encode("cp1252"))
    code, out, _ = run(capsys, "code", str(path), "--format", "jsonl")
    assert code == 0 and json.loads(out)["events"]
    assert "cp1252" in caplog.text


def test_empty_file_gives_an_empty_record_and_a_warning(tmp_path, capsys, caplog):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "code", str(path))
    assert code == 0 and json.loads(out)["events"] == [] and "empty text" in caplog.text


def test_binary_file_is_refused(tmp_path, capsys):
    path = tmp_path / "b.bin"
    path.write_bytes(bytes(range(256)) * 40)
    code, out, err = run(capsys, "code", str(path))
    assert code == 2 and out == "" and "binary" in err


def test_ten_megabyte_file_is_refused(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    path.write_text("Putin praised Pashinyan. " * 420_000, encoding="utf-8")
    code, out, err = run(capsys, "code", str(path))
    assert code == 2 and out == "" and "limit" in err


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "code", str(tmp_path / "nope.txt"))
    assert code == 2 and "nope.txt" in err


def test_bad_date_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit):
        main(["code", "-", "--published", "23/08/2024"])
    assert "YYYY-MM-DD" in capsys.readouterr().err
    for bad, why in (("2024-13-45", "month must be in 1..12"), ("7:58 AM ET", "expected YYYY-MM-DD")):
        with pytest.raises(SystemExit):
            main(["code", "-", "--published", bad])
        assert f"argument --published: {bad!r} is not a date ({why}" in capsys.readouterr().err


def test_demo_codes_the_bundled_samples(capsys):
    code, out, _ = run(capsys, "demo")
    assert code == 0 and out.count("== ") == 3 and "RUSGOV" in out


def test_an_article_over_its_time_budget_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Putin praised Pashinyan on Monday.", encoding="utf-8")
    code, out, err = run(capsys, "code", str(path), "--timeout", "0.000001")
    assert code == 2 and out == "" and "timeout: coding took over 1e-06 s" in err
    code, out, _ = run(capsys, "code", str(path), "--timeout", "0")  # 0: no limit
    assert code == 0 and json.loads(out)["events"]
