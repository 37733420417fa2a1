"""Each article's time budget holds wherever a corpus is coded: a worker's main thread, a thread (as a Dask task
runs, where SIGALRM cannot), a Dask cluster, and `watch`; the article past it is a recorded failure."""

from __future__ import annotations

import threading

import pytest

from eventwire.corpus import work
from eventwire.corpus.engines import DaskEngine
from eventwire.corpus.watch import make_code_step
from eventwire.corpus.work import Outcome, WorkOptions, code_chunk
from eventwire.records import ArticleText
from tests.slow_stage import BUDGET_S, SLOW_WORD, slow_times

pytestmark = pytest.mark.slow

ITEMS = [ArticleText("Putin praised Pashinyan.", "2024-08-23", id="a", location="wire/a.txt"),
         ArticleText(f"Aliyev {SLOW_WORD} accused Pashinyan.", "2024-08-23", id="b", location="wire/b.txt"),
         ArticleText("Pashinyan praised Putin.", "2024-08-23", id="c", location="wire/c.txt")]
REASON = f"timeout: coding took over {BUDGET_S:g} s"


@pytest.fixture
def slow(monkeypatch, coder):
    slow_times(monkeypatch)
    monkeypatch.setattr(work, "worker_coder", lambda settings: coder)


def failures(outcomes: tuple[Outcome, ...]) -> list[str | None]:
    return [o.failure for o in outcomes]


def test_the_article_over_its_budget_fails_in_a_worker_main_thread(slow):
    outcomes = code_chunk(ITEMS, WorkOptions(timeout_s=BUDGET_S)).outcomes
    assert failures(outcomes) == [None, REASON, None] and outcomes[0].coded and outcomes[2].coded


def test_the_budget_holds_in_a_thread_where_no_alarm_rings(slow):
    found: list[tuple[Outcome, ...]] = []
    thread = threading.Thread(target=lambda: found.append(code_chunk(ITEMS, WorkOptions(timeout_s=BUDGET_S)).outcomes))
    thread.start()
    thread.join(timeout=60)
    assert failures(found[0]) == [None, REASON, None]


def test_the_budget_holds_on_a_dask_cluster(slow):
    from dask.distributed import LocalCluster

    # Worker threads in this process (so the slow stage and the loaded coder are theirs): a task thread, as on
    # any Dask worker, where the old alarm did not work and an article could run for ever.
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        engine = DaskEngine(WorkOptions(timeout_s=BUDGET_S), 1, cluster.scheduler_address)
        try:
            (result,) = engine.map([ITEMS])
        finally:
            engine.close()
    assert failures(result.outcomes) == [None, REASON, None]


def test_watch_records_the_article_over_its_budget_as_a_failure(slow):
    coded, failed = make_code_step(WorkOptions(timeout_s=BUDGET_S))(ITEMS)
    assert [item.id for item, _ in coded] == ["a", "c"]
    assert [(f.location, f.reason) for f in failed] == [("wire/b.txt", REASON)]


def test_the_alarm_stops_a_step_that_never_checks_the_budget(monkeypatch, coder):
    import time

    import eventwire.pipeline

    def stuck(doc, day, words):  # noqa: ANN001, ANN202 - a step that runs on without returning to the coder
        time.sleep(30)

    monkeypatch.setattr(eventwire.pipeline, "find_times", stuck)
    started = time.monotonic()
    outcome = work.code_one(coder, ITEMS[0], 0.5)
    assert outcome.failure == "timeout: coding took over 0.5 s" and time.monotonic() - started < 10
