"""The answer cache: one computation for requests that ask for the same answer at once, and a fresh answer
once the store changes."""

from __future__ import annotations

import threading
import time

import pytest

from eventwire.serve.cache import AnswerCache
from eventwire.store.connect import open_store


@pytest.fixture()
def path(tmp_path):
    open_store(tmp_path / "s.db").close()
    return tmp_path / "s.db"


def ask_at_once(cache, path, keys, compute):
    """Each key asked by its own thread (own connection), all at once; their answers in order."""
    answers: list = [None] * len(keys)
    start = threading.Barrier(len(keys))

    def ask(n: int) -> None:
        conn = open_store(path, migrate=False)
        start.wait()
        try:
            answers[n] = cache.get(conn, keys[n], lambda: compute(keys[n]))
        except ValueError as err:
            answers[n] = err
        finally:
            conn.close()

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(len(keys))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_the_same_answer_asked_at_once_is_computed_once(path):
    calls: list[str] = []

    def slow(key):
        calls.append(key)
        time.sleep(0.2)  # long enough for the other threads to find it pending
        return f"answer {key} {len(calls)}"

    answers = ask_at_once(AnswerCache(), path, ["a"] * 6 + ["b"] * 2, slow)
    assert sorted(calls) == ["a", "b"]
    assert len(set(answers[:6])) == 1 and len(set(answers[6:])) == 1 and answers[0] != answers[6]


def test_a_failed_computation_is_not_cached_and_each_waiter_tries_itself(path):
    calls: list[str] = []

    def failing(key):
        calls.append(key)
        time.sleep(0.1)
        raise ValueError("no answer")

    cache = AnswerCache()
    answers = ask_at_once(cache, path, ["a"] * 3, failing)
    assert all(isinstance(a, ValueError) for a in answers) and len(calls) == 3
    conn = open_store(path, migrate=False)
    assert cache.get(conn, "a", lambda: "now") == "now"  # nothing cached, nothing left pending


def test_a_changed_store_gets_a_fresh_answer(path):
    cache, conn = AnswerCache(), open_store(path, migrate=False)
    assert cache.get(conn, "k", lambda: 1) == 1
    assert cache.get(conn, "k", lambda: 2) == 1
    conn.execute("INSERT INTO runs (started, options, coder_version, dictionary_version) VALUES ('t', '{}', 'c', 'd')")
    assert cache.get(conn, "k", lambda: 3) == 3
