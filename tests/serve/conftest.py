"""Fixtures for API tests: a store of hand-built records (no model) and a client over it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.corpus.versions import current_versions
from eventwire.records import Article, CodedArticle
from eventwire.serve import Settings, make_app
from eventwire.store.clusters import refresh_clusters
from eventwire.store.connect import open_store
from eventwire.store.read import dump_store
from eventwire.store.write import start_run, write_batch
from tests.store.sample import sample_article

API_KEY = "test-key-123"


def fake_coder():
    """A coder stand-in: a hand-built record for any text (the real coder is tested in tests/browser)."""

    class Fake:
        def code(self, text, published=None, **meta):  # noqa: ANN001, ANN201
            if "\x00" in text:
                from eventwire.nlp.guard import InputRejected

                raise InputRejected("input looks binary (it contains NUL bytes)")
            return CodedArticle(article=Article(meta.get("id") or "x", meta.get("title"), None, None,
                                                published and str(published), "en"))

    return Fake()


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "store.db"
    conn = open_store(path)
    versions = current_versions()
    run = start_run(conn, {}, versions)
    items = [sample_article("a1"), sample_article("a2", text="Other text. " + sample_article()[0].text,
                                                  published="2024-08-20", cameo="111", date="2024-08-20")]
    write_batch(conn, run, items, [], versions)
    refresh_clusters(conn)  # as `eventwire run` does at its end
    conn.close()
    return path


@pytest.fixture()
def settings(db):
    return Settings(db=db, api_key=API_KEY, max_limit=100, max_body_bytes=20_000, max_text_chars=10_000)


@pytest.fixture()
def client(settings):
    with TestClient(make_app(settings, coder_factory=fake_coder), base_url="http://localhost") as c:
        yield c


@pytest.fixture()
def snapshot(db):
    """The store's content now, to compare after bad requests."""

    def take():
        conn = open_store(db)
        try:
            return dump_store(conn)
        finally:
            conn.close()

    return take
