"""Inputs an attacker or a careless user hands the readers: undecodable file names, lone surrogates, symlinks
out of the corpus, UTF-16/32 text with a BOM. Each is read, cleaned or refused; none stops a run."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from eventwire.corpus import work
from eventwire.corpus.runner import RunOptions, run_corpus
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.factory import make_source
from eventwire.ingest.files import FolderSource
from eventwire.ingest.tables import CsvSource, JsonLinesSource
from eventwire.records import Article, ArticleText, CodedArticle, SourceFailure
from eventwire.store.connect import open_store

STORY = "The foreign minister of Japan met his counterpart from China in Geneva on Tuesday."


def utf8(value: str | None) -> bool:
    """Whether SQLite (and JSON) can take ``value``: it encodes as UTF-8."""
    try:
        (value or "").encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_everywhere(items: list[ArticleText | SourceFailure]) -> bool:
    fields = [v for i in items for v in vars(i).values() if isinstance(v, str)]
    return all(utf8(v) for v in fields)


def undecodable_folder(root: Path) -> Path:
    """A corpus with two files whose names are Latin-1 bytes, not UTF-8, and one plain file."""
    root.mkdir()
    for name, story in ((b"caf\xe9.txt", STORY), (b"caf\xe8.txt", STORY + " Talks went on."),
                        (b"plain.txt", STORY + " Again.")):
        with open(os.path.join(os.fsencode(root), name), "wb") as out:
            out.write(story.encode("utf-8"))
    return root


class FakeCoder:
    def code_or_reject(self, articles, timeout_s=None):
        for a in articles:
            a.text.encode("utf-8")  # the real coder fails the same way on a lone surrogate
            yield CodedArticle(article=Article(a.id or "x", a.title, a.url, a.source, a.published, "en"))


@pytest.fixture
def fake_coder(monkeypatch):
    monkeypatch.setattr(work, "worker_coder", lambda *args: FakeCoder())


# -- file names that are not UTF-8 --------------------------------------------------------------------------

def test_an_undecodable_file_name_gives_a_utf8_id_stable_across_runs(tmp_path, caplog):
    root = undecodable_folder(tmp_path / "wire")
    with caplog.at_level(logging.WARNING):
        first = list(FolderSource(root).read())
    assert clean_everywhere(first) and all(isinstance(i, ArticleText) for i in first)
    assert sorted(i.id for i in first) == ["wire/caf\\xe8.txt", "wire/caf\\xe9.txt", "wire/plain.txt"]
    assert {i.location for i in first} == {f"{root}/caf\\xe8.txt", f"{root}/caf\\xe9.txt", f"{root}/plain.txt"}
    assert "not valid UTF-8" in caplog.text
    assert list(FolderSource(root).read()) == first  # the same ids on every run


def test_a_table_behind_an_undecodable_path_has_utf8_locations(tmp_path):
    path = os.path.join(os.fsencode(tmp_path), b"wire\xff.jsonl")
    with open(path, "wb") as out:
        out.write(json.dumps({"text": STORY}).encode() + b"\n{broken\n")
    items = list(make_source(os.fsdecode(path)).read())
    assert clean_everywhere(items)
    assert [i.location for i in items] == [f"{tmp_path}/wire\\xff.jsonl:1", f"{tmp_path}/wire\\xff.jsonl:2"]
    assert isinstance(items[0], ArticleText) and items[0].id == "wire\\xff.jsonl:1"


# -- lone surrogates in JSON Lines -----------------------------------------------------------------------------

def test_lone_surrogates_in_json_lines_are_replaced_with_a_warning(tmp_path, caplog):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "a\\udc80", "title": "Bad \\ud800 title", "text": "Talks \\udfff resumed."}\n'
                    '{"title": "Pair", "text": "A smile \\ud83d\\ude00 here."}\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        bad, pair = list(JsonLinesSource(path).read())
    assert isinstance(bad, ArticleText) and isinstance(pair, ArticleText)
    assert (bad.id, bad.title, bad.text) == ("a\ufffd", "Bad \ufffd title", "Talks \ufffd resumed.")
    assert pair.text == "A smile \U0001f600 here."  # a real pair is one character, kept
    assert f"{path}:1: replaced lone surrogates in text, title, id with U+FFFD" in caplog.text
    assert f"{path}:2" not in caplog.text


def test_csv_cells_never_hold_surrogates(tmp_path):
    path = tmp_path / "wire.csv"
    path.write_bytes(b"text,title\n" + STORY.encode() + b",\xed\xa0\x80 encoded surrogate\n")
    (item,) = list(CsvSource(path).read())  # not UTF-8, so read as Windows-1252: odd, but valid text
    assert clean_everywhere([item])


def test_a_run_over_poison_pills_stores_the_rest_and_a_rerun_skips_it(fake_coder, tmp_path):
    folder = undecodable_folder(tmp_path / "wire")
    jsonl = tmp_path / "wire.jsonl"
    jsonl.write_text('{"title": "Bad \\ud800 title", "text": "Talks \\ud800 resumed in Vienna."}\n'
                     + json.dumps({"title": "Fine", "text": STORY + " Fine."}) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    sources = [make_source(str(folder)), make_source(str(jsonl))]
    first = run_corpus(sources, RunOptions(db=db, progress=False)).counts
    assert (first["read"], first["coded"], first["failures"]) == (5, 5, 0)
    second = run_corpus(sources, RunOptions(db=db, progress=False)).counts
    assert (second["coded"], second["skipped"]) == (0, 5)
    conn = open_store(db)
    titles = sorted(t or "" for (t,) in conn.execute("SELECT title FROM articles"))
    conn.close()
    assert "Bad \ufffd title" in titles and len(titles) == 5


# -- symbolic links --------------------------------------------------------------------------------------------

@pytest.fixture
def linked(tmp_path):
    """A corpus with links: out to a file and a folder, to a file inside, to a folder inside, and a broken one."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    root = tmp_path / "corpus"
    (root / "europe").mkdir(parents=True)
    (root / "europe" / "talks.txt").write_text(STORY, encoding="utf-8")
    (root / "passwd.txt").symlink_to(outside / "secret.txt")
    (root / "leak").symlink_to(outside, target_is_directory=True)
    (root / "alias.txt").symlink_to(root / "europe" / "talks.txt")
    (root / "same-europe").symlink_to(root / "europe", target_is_directory=True)
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    return root


def test_symlinks_out_of_the_root_are_not_followed_but_recorded(linked, tmp_path):
    items = list(FolderSource(linked).read())
    read = {i.location: i.text for i in items if isinstance(i, ArticleText)}
    failed = {i.location: i.reason for i in items if isinstance(i, SourceFailure)}
    assert not any("root:x" in text for text in read.values())
    assert read == {f"{linked}/alias.txt": STORY, f"{linked}/europe/talks.txt": STORY}  # linked folder: not walked
    assert failed == {
        f"{linked}/gone.txt": "broken symbolic link",
        f"{linked}/leak": f"symbolic link out of the corpus root (to {tmp_path.resolve()}/outside); not followed",
        f"{linked}/passwd.txt":
            f"symbolic link out of the corpus root (to {tmp_path.resolve()}/outside/secret.txt); not followed",
    }
    assert FolderSource(linked).paths() == [linked / "alias.txt", linked / "europe" / "talks.txt"]


def test_a_root_reached_through_a_link_is_read(linked, tmp_path):
    (tmp_path / "via").symlink_to(linked, target_is_directory=True)
    items = list(FolderSource(tmp_path / "via").read())
    assert sum(isinstance(i, ArticleText) for i in items) == 2 and sum(isinstance(i, SourceFailure) for i in items) == 3
    (single,) = list(FolderSource(linked / "alias.txt").read())  # a file named on the command line is read
    assert isinstance(single, ArticleText) and single.text == STORY


# -- UTF-16 and UTF-32 with a byte order mark ------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(codec, tmp_path):
    text = "Caf\u00e9 talks\n\nThe ministers met in Z\u00fcrich \u2014 \U0001f600 a deal.\n"
    raw = "\ufeff".encode(codec) + text.encode(codec)
    assert decode_bytes(raw, "x") == (text, None)
    (tmp_path / "wide.txt").write_bytes(raw)
    (item,) = list(FolderSource(tmp_path / "wide.txt").read())
    assert isinstance(item, ArticleText) and item.text == text and item.title == "Caf\u00e9 talks"


def test_bom_text_that_is_broken_or_binary_is_still_refused():
    assert decode_bytes(b"\xff\xfeT\x00a\x00\x00\xd8", "x") == (None, "undecodable: invalid UTF-16 after its BOM")
    assert decode_bytes("\ufeffab\x00\x00\x01\x02".encode("utf-16-le"), "x")[1] == "binary file (NUL bytes)"
    assert decode_bytes("\ufeff   ".encode("utf-16-le"), "x") == (None, "empty file")
    assert decode_bytes(b"\xef\xbb\xbf", "x") == decode_bytes(b"\xff\xfe", "x") == (None, "empty file")  # a mark alone
    assert decode_bytes(bytes(range(256)) * 4, "x") == (None, "binary file (NUL bytes)")  # no BOM: as before


def test_a_csv_cell_longer_than_the_csv_modules_field_limit_is_read_and_the_rows_after_it_too(tmp_path):
    # Python's csv reader refuses a field over csv.field_size_limit() (131,072 characters by default) and the
    # error ended the file: every later row was lost. The whole file is in memory already, so no field can be
    # longer than the text the reader was handed; the limit is raised to that length for this read.
    long_story = (STORY + " ") * 2000  # about 170,000 characters
    path = tmp_path / "wire.csv"
    path.write_text("text,title\n" + f'"{long_story}",Long\n' + f"{STORY},After\n", encoding="utf-8")
    items = list(CsvSource(path).read())
    assert [type(i).__name__ for i in items] == ["ArticleText", "ArticleText"]
    assert [i.title for i in items] == ["Long", "After"]
    assert len(items[0].text) == len(long_story)
