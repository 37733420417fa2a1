"""The per-article time budget: a deadline in a context variable, checked by the coder (no model needed)."""

from __future__ import annotations

import threading
import time

import pytest

from eventwire.nlp.budget import CodingTimeout, check, deadline


def test_check_passes_within_the_budget_and_raises_after_it() -> None:
    check()  # no budget: never raises
    with deadline(60):
        check()
    with deadline(0.05), pytest.raises(CodingTimeout, match=r"^timeout: coding took over 0.05 s$"):
        time.sleep(0.1)
        check()
    check()  # the budget ended with its block


def test_seconds_already_spent_count_against_the_budget() -> None:
    with deadline(10, spent=11), pytest.raises(CodingTimeout, match="over 10 s"):
        check()


def test_an_inner_budget_never_outlives_the_outer_one() -> None:
    with deadline(0.05):
        with deadline(60), pytest.raises(CodingTimeout, match="over 0.05 s"):
            time.sleep(0.1)
            check()
    with deadline(60), deadline(0.01), pytest.raises(CodingTimeout, match="over 0.01 s"):  # a shorter one holds
        time.sleep(0.03)
        check()


def test_a_budget_holds_in_the_thread_that_opened_it_only() -> None:
    seen: dict[str, str] = {}

    def worker() -> None:  # as a Dask task or the API's thread pool codes an article: no signals there
        try:
            with deadline(0.01):
                time.sleep(0.03)
                check()
        except CodingTimeout as timeout:
            seen["worker"] = str(timeout)

    with deadline(0.01):
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        time.sleep(0.03)
        other = threading.Thread(target=check)  # this thread's budget is not the other thread's
        other.start()
        other.join()
    assert seen == {"worker": "timeout: coding took over 0.01 s"}
