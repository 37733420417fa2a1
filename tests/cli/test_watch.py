"""`eventwire watch --once` against a local server, coding with a stand-in coder, into a real store."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.cli.watch import add_watch_command, run_watch
from eventwire.corpus.watch import PollCounts, watch_feeds
from eventwire.ingest.http import HttpSettings, UrllibClient
from eventwire.records import Article, CodedArticle
from tests.ingest.pages import PARAGRAPHS, article_page, rss_feed
from tests.ingest.server import Route, serve

PARAGRAPH = PARAGRAPHS[0]


def fake_code(items):
    """Stands in for the model: an empty record per article (the store and the loop are what is tested)."""
    return [(item, CodedArticle(article=Article(id=item.id, title=item.title, url=item.url, source=item.source,
                                                published=item.published))) for item in items], []


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_watch_command(parser.add_subparsers(dest="command"))
    return parser.parse_args(["watch", *argv])


@pytest.fixture
def site():
    with serve() as server:
        items = [{"title": "Pier closes", "link": server.url("/pier"), "guid": "pier"},
                 {"title": "Gone", "link": server.url("/gone"), "guid": "gone"}]
        server.routes["/feed.xml"] = Route(body=rss_feed(items), content_type="application/rss+xml", etag='"1"')
        server.routes["/pier"] = Route(body=article_page())
        server.routes["/broken.xml"] = Route(body=b"", status=500)
        yield server


def test_watch_once_stores_articles_and_failures_and_a_rerun_adds_nothing(site, tmp_path):
    from eventwire.store.connect import open_store

    db = tmp_path / "news.db"
    client = UrllibClient(HttpSettings(timeout=1.0, use_env_proxies=False))
    args = parse([site.url("/feed.xml"), site.url("/broken.xml"), "--db", str(db), "--once"])
    assert run_watch(args, client=client, code=fake_code) == 0
    conn = open_store(db)
    assert [r[0] for r in conn.execute("SELECT title FROM articles")] == ["Northern pier to close for repairs"]
    reasons = sorted(r[0] for r in conn.execute("SELECT reason FROM failures"))
    assert reasons == ["HTTP 404; and the item has no summary", "HTTP 500"]
    assert (tmp_path / "news.db.feeds.json").exists()
    assert run_watch(args, client=client, code=fake_code) == 0
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM runs WHERE finished IS NOT NULL").fetchone()[0] == 2
    conn.close()


def test_kill_9_while_coding_then_a_rerun_stores_every_item_exactly_once(tmp_path):
    from eventwire.store.connect import open_store

    repo = Path(__file__).resolve().parents[2]
    db, marker = tmp_path / "news.db", tmp_path / "coding"
    with serve() as server:
        items = [{"title": f"Item {n}", "link": server.url(f"/n/{n}"), "guid": f"g{n}"} for n in range(4)]
        server.routes["/feed.xml"] = Route(body=rss_feed(items), content_type="application/rss+xml", etag='"1"')
        for n in range(4):
            page = article_page(title=f"Story {n}", paragraphs=(f"Story {n}: {PARAGRAPH}",))
            server.routes[f"/n/{n}"] = Route(body=page)
        argv = [server.url("/feed.xml"), "--db", str(db), "--once"]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(repo / "src"), str(repo)]))
        with (tmp_path / "stderr").open("wb") as stderr:
            child = subprocess.Popen([sys.executable, "-m", "tests.cli.watch_child", str(marker), *argv], cwd=repo,
                                     env=env, stdout=subprocess.DEVNULL, stderr=stderr)
            try:
                deadline = time.monotonic() + 60
                while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.05)
            finally:
                if child.poll() is None:
                    child.send_signal(signal.SIGKILL)
                child.wait(timeout=10)
        assert marker.exists(), (tmp_path / "stderr").read_text()
        assert marker.read_text() == "4" and child.returncode == -signal.SIGKILL  # killed while coding all four
        client = UrllibClient(HttpSettings(timeout=2.0, use_env_proxies=False))
        assert run_watch(parse(argv), client=client, code=fake_code) == 0
        assert run_watch(parse(argv), client=client, code=fake_code) == 0
    conn = open_store(db)
    stored = conn.execute("SELECT title, count(*) FROM articles GROUP BY title ORDER BY title").fetchall()
    conn.close()
    assert [tuple(row) for row in stored] == [(f"Story {n}", 1) for n in range(4)]


def test_bad_arguments_exit_2(tmp_path):
    assert run_watch(parse(["feed.xml", "--db", str(tmp_path / "x.db"), "--once"])) == 2
    assert run_watch(parse(["http://a/feed", "--interval", "0", "--once"])) == 2


def test_the_loop_polls_until_stopped():
    class Empty:
        def read(self):
            return iter(())

    class Sink:
        def write(self, coded, failures):
            return 0

    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch_feeds([Empty()], fake_code, Sink(), interval=60, sleep=sleep)
    assert len(sleeps) == 3 and all(0 < s <= 60 for s in sleeps)
    assert watch_feeds([Empty()], fake_code, Sink(), interval=60, once=True) == [PollCounts(0, 0, 0)]


def test_watch_alerts_prints_new_dyad_shifts_after_a_poll(site, tmp_path, capsys):
    from tests.store.shift_corpus import LAST_WEEK, build_shift_store

    db = build_shift_store(tmp_path / "news.db")  # a store whose last week holds one dyad shift
    client = UrllibClient(HttpSettings(timeout=1.0, use_env_proxies=False))
    args = parse([site.url("/feed.xml"), "--db", str(db), "--once", "--alerts"])
    assert run_watch(args, client=client, code=fake_code) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert len(lines) == 1 and lines[0].startswith(f"{LAST_WEEK}..") and "DEU-FRA hostile" in lines[0]
    assert run_watch(parse([site.url("/feed.xml"), "--db", str(db), "--once", "--alerts", "--alert-weeks", "1"]),
                     client=client, code=fake_code) == 2
