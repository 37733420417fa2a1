"""``eventwire run``: resume, recode, kill -9 and rerun, bad inputs, and engines that equal one process."""

from __future__ import annotations

import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.corpus import work
from eventwire.corpus.runner import RunOptions, run_corpus
from eventwire.corpus.versions import current_versions
from eventwire.corpus.work import WorkOptions
from eventwire.ingest.factory import make_source
from eventwire.knowledge.settings import CoderSettings
from eventwire.nlp.guard import check_text
from eventwire.records import Article, ArticleText, CodedArticle
from eventwire.store.connect import open_store
from eventwire.store.read import count_rows, dump_store

REPO = Path(__file__).resolve().parents[2]
COUNTRIES = ("Russia", "Armenia", "France", "Germany", "Turkey", "Iran", "China", "Japan", "Azerbaijan", "Georgia")
SENTENCES = (
    "{a} accused {b} of violating the ceasefire on Monday.",
    "The foreign minister of {a} met his counterpart from {b} in Geneva on Tuesday.",
    "{a} threatened to impose sanctions on {b}.",
    '"We will not accept this," a spokesman for the government of {b} said.',
    "{a} and {b} agreed to resume talks next week.",
    "Officials in {a} praised {b} for its restraint.",
    "{b} rejected the proposal from {a} on Wednesday.",
)


def write_corpus(root: Path, n: int) -> Path:
    """``n`` small articles of our own sentences, varied by country pair and order."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 3 + 1) % len(COUNTRIES)]
        body = [SENTENCES[(i + k) % len(SENTENCES)].format(a=a, b=b) for k in range(6)]
        text = f"Story {i}: {a} and {b}\n\n" + "\n\n".join(body) + f"\n\nReported on day {i}.\n"
        (root / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    return root


def write_bad_inputs(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "undecodable.txt").write_bytes(b"Caf\xe9 \x81\x8d\x90 talks")
    (root / "cp1252.txt").write_bytes("Caf\u00e9 talks: France accused Germany of spying.".encode("cp1252"))
    (root / "french.txt").write_text(
        "Le gouvernement fran\u00e7ais a annonc\u00e9 mardi une nouvelle s\u00e9rie de mesures pour les "
        "agriculteurs, dont les manifestations se poursuivent dans plusieurs r\u00e9gions du pays depuis "
        "le d\u00e9but du mois, selon le minist\u00e8re de l'Agriculture.", encoding="utf-8")


def run_folder(folder: Path, db: Path, **options: object) -> dict[str, int]:
    work_options = WorkOptions(CoderSettings(batch_size=int(options.pop("batch_size", 4))))
    report = run_corpus([make_source(str(folder))], RunOptions(db=db, work=work_options, progress=False,
                                                             **options))  # type: ignore[arg-type]
    return dict(report.counts)


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = open_store(db)
    try:
        return dump_store(conn)
    finally:
        conn.close()


# -- fast: a stand-in coder, so the run's bookkeeping is tested without the model ---------------------------

class FakeCoder:
    def code_or_reject(self, articles, timeout_s=None):
        for a in articles:
            if "boom" in a.text:
                raise RuntimeError("boom")
            yield CodedArticle(article=Article(a.id or "x", a.title, a.url, a.source, a.published, "en"))


@pytest.fixture
def fake_coder(monkeypatch):
    monkeypatch.setattr(work, "worker_coder", lambda *args: FakeCoder())


def test_rerun_skips_coded_and_records_failures(fake_coder, tmp_path):
    folder = write_corpus(tmp_path / "c", 9)
    (folder / "boom.txt").write_text("This one goes boom.", encoding="utf-8")
    write_bad_inputs(folder / "bad")
    first = run_folder(folder, tmp_path / "s.db")
    assert (first["read"], first["coded"]) == (12, 11)  # 9 + boom + cp1252 + french; boom fails
    second = run_folder(folder, tmp_path / "s.db")
    assert (second["coded"], second["skipped"]) == (0, 11)
    conn = open_store(tmp_path / "s.db")
    reasons = dict(conn.execute("SELECT DISTINCT location, reason FROM failures").fetchall())
    assert {Path(k).name: v.split(":")[0] for k, v in reasons.items()} == {
        "empty.txt": "empty file", "binary.txt": "binary file (NUL bytes)",
        "undecodable.txt": "undecodable", "boom.txt": "exception while coding"}


def test_limit_duplicates_and_recode(fake_coder, tmp_path):
    folder = write_corpus(tmp_path / "c", 6)
    (folder / "copy.txt").write_bytes((folder / "000.txt").read_bytes())
    assert run_folder(folder, tmp_path / "s.db", limit=3)["coded"] == 3
    counts = run_folder(folder, tmp_path / "s.db")
    assert (counts["coded"], counts["skipped"], counts["duplicates"]) == (3, 3, 1)
    assert run_folder(folder, tmp_path / "s.db", recode=True)["coded"] == 6


def test_recode_stale_recodes_only_older_versions(fake_coder, tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "c", 4)
    db = tmp_path / "s.db"
    run_folder(folder, db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE articles SET dictionary_version = 'old' WHERE id LIKE '%/001.txt'")
    conn.close()
    counts = run_folder(folder, db, recode_stale=True)
    assert (counts["coded"], counts["skipped"]) == (1, 3)
    assert run_folder(folder, db, recode_stale=True)["coded"] == 0


def test_a_bad_date_is_a_recorded_failure_and_the_rest_is_coded(fake_coder, tmp_path, caplog):
    rows = [{"id": f"r{n}", "text": f"Story {n}: France praised Germany.", "published": day}
            for n, day in enumerate(("2024-08-21", "2024-13-45", "2024-08-23T10:00:00Z", "7:58 AM ET"), 1)]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with caplog.at_level(logging.INFO):
        report = run_corpus([make_source(str(path))], RunOptions(db=tmp_path / "s.db", progress=False))
    assert (report.counts["read"], report.counts["coded"], report.counts["failures"]) == (2, 2, 2)
    assert "one by one" not in caplog.text  # the batch was coded whole
    conn = open_store(tmp_path / "s.db")
    stored = [tuple(row) for row in conn.execute("SELECT id, published FROM articles ORDER BY id")]
    failures = conn.execute("SELECT location, reason FROM failures ORDER BY location").fetchall()
    conn.close()
    assert stored == [("r1", "2024-08-21"), ("r3", "2024-08-23")]
    assert [(loc, reason.split(" (")[0]) for loc, reason in failures] == [
        (f"{path}:2", "published: '2024-13-45' is not a date"), (f"{path}:4", "published: '7:58 AM ET' is not a date")]


# -- slow: the real coder --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root / "wire", 16)
    write_bad_inputs(root / "wire" / "bad")
    return root / "wire"


@pytest.fixture(scope="module")
def serial_db(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("serial") / "s.db"
    run_folder(corpus, db)
    return db


@pytest.mark.slow
def test_serial_run_stores_events_and_bad_inputs_as_failures(serial_db):
    conn = open_store(serial_db)
    assert count_rows(conn, "articles") == 18  # 16 + cp1252 + french (coded empty, with its reason)
    assert count_rows(conn, "events") > 16
    reasons = {Path(loc).name: reason for loc, reason in conn.execute("SELECT location, reason FROM failures")}
    assert reasons["french.txt"] == "text does not look like English"
    assert set(reasons) == {"empty.txt", "binary.txt", "undecodable.txt", "french.txt"}


@pytest.mark.slow
def test_process_pool_equals_serial(corpus, serial_db, tmp_path):
    run_folder(corpus, tmp_path / "p.db", workers=2)
    assert dump(tmp_path / "p.db") == dump(serial_db)


@pytest.mark.slow
def test_dask_local_cluster_equals_serial(corpus, serial_db, tmp_path):
    run_folder(corpus, tmp_path / "d.db", workers=2, engine="dask")
    assert dump(tmp_path / "d.db") == dump(serial_db)


def run_command(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "eventwire.cli.corpus", "run", str(folder), "--db", str(db),
               "--batch-size", "2", "--no-progress"]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def committed(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.slow
def test_kill_9_then_rerun_equals_an_uninterrupted_run(tmp_path):
    folder = write_corpus(tmp_path / "wire", 80)
    write_bad_inputs(folder / "bad")
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    current_versions.cache_clear()  # fingerprint the code as it is now, as the subprocesses will
    run_folder(folder, whole)
    process = run_command(folder, killed)
    deadline = time.monotonic() + 180  # the model's load alone takes a minute on a busy two-core machine
    while committed(killed) < 6 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert 0 < committed(killed) < 82, "the run was not killed in the middle"
    rerun = run_command(folder, killed)
    assert rerun.wait(timeout=120) == 0
    assert dump(killed) == dump(whole)


@pytest.mark.slow
def test_the_guard_runs_once_and_a_refused_article_leaves_the_batch_whole(coder, monkeypatch, caplog):
    from eventwire import pipeline

    checked: list[str] = []

    def counting_check(text: str, max_chars: int) -> str | None:
        checked.append(text)
        return check_text(text, max_chars)

    monkeypatch.setattr(pipeline, "check_text", counting_check)
    monkeypatch.setattr(work, "worker_coder", lambda *args: coder)
    items = [ArticleText("France praised Germany.", "2024-08-23", id="a"),
             ArticleText("PK\x03\x04\x00\x00binary", id="b"), ArticleText("   ", id="c"),
             ArticleText("Russia accused Armenia.", "2024-08-23", id="d")]
    with caplog.at_level(logging.INFO):
        outcomes = work.code_chunk(items, WorkOptions(CoderSettings(batch_size=4))).outcomes
    assert len(checked) == 4 and "one by one" not in caplog.text
    assert outcomes[1] == work.Outcome(None, "input looks binary (it contains NUL bytes)")
    assert outcomes[2].coded is not None and outcomes[2].coded.warnings == ("empty text",)
    assert [o.coded.article.id for o in (outcomes[0], outcomes[3]) if o.coded and o.coded.events] == ["a", "d"]
