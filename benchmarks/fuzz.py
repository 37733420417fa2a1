"""Push N fuzzed texts through one Coder: exceptions, broken records, refusals, the slowest texts and their time.

Texts come from ``tests/fuzz/texts.py`` (the composer the CI fuzz tests drive with hypothesis), here driven by a
``random.Random`` seeded per text, so text ``i`` of seed ``s`` is the same on every machine: ``--show i`` prints
it. Coding happens in one child process holding one ``Coder``; a text that takes longer than ``--timeout`` is
recorded as a hang, its child killed and a fresh one started (the only time a second Coder is built).
Issue 16's acceptance: 50,000 texts, 0 exceptions, none over 10 s.

    .venv/bin/python benchmarks/fuzz.py --texts 50000 --out /tmp/fuzz-summary.json
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import resource
import statistics
import sys
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from tests.fuzz import texts  # noqa: E402 - after the path is set

LIMIT_SECONDS = 10.0  # the acceptance: no text over this


def fuzzed(seed: int, index: int, max_repeat: int, known_crashes: bool) -> tuple[str, str | None]:
    """Text ``index`` of ``seed`` and its publication day."""
    draw = texts.RandomDraw(random.Random(f"{seed}:{index}"))
    caps = [cap for cap in texts.LONG_CAPS if cap <= max_repeat] or [max_repeat]
    return texts.article_text(draw, caps), texts.publication_day(draw, known_crashes)


def worker(conn: Connection) -> None:
    """The child: one Coder; codes each text it is sent and answers how it went."""
    from tests.fuzz.properties import record_problems

    from eventwire.nlp.guard import InputRejected
    from eventwire.pipeline import Coder

    coder = Coder()
    conn.send("ready")
    while True:
        job = conn.recv()
        if job is None:
            return
        index, text, published = job
        started = time.perf_counter()
        answer: dict[str, Any] = {"index": index}
        try:
            record = coder.code(text, published)
        except InputRejected as refusal:
            answer.update(outcome="refused", detail=str(refusal).split(" (")[0])
        except Exception as error:  # noqa: BLE001 - every exception is what this benchmark counts
            answer.update(outcome="exception", detail=signature(error), traceback=traceback.format_exc(limit=-6))
        else:
            seconds = time.perf_counter() - started
            problems = record_problems(record.to_dict(), text)
            answer.update(outcome="problems" if problems else "coded", detail=problems[:3])
            answer["seconds"] = seconds
        answer.setdefault("seconds", time.perf_counter() - started)
        answer["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send(answer)


def signature(error: BaseException) -> str:
    """The exception's type and message head, and the innermost eventwire line it came through."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/eventwire/" in f.filename]
    where = f"{frames[-1].filename.split('/eventwire/')[-1]}:{frames[-1].lineno}" if frames else "?"
    return f"{type(error).__name__}: {str(error)[:80]} at {where}"


class Child:
    """A worker process and our end of its pipe."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=worker, args=(theirs,), daemon=True)
        self.process.start()
        if self.conn.recv() != "ready":
            raise RuntimeError("the coder process did not start")

    def code(self, job: tuple[int, str, str | None], timeout: float) -> dict[str, Any] | None:
        """The answer, or None when the text took longer than ``timeout`` (the child is then killed)."""
        started = time.perf_counter()
        self.conn.send(job)
        if self.conn.poll(timeout):
            try:
                return self.conn.recv()  # type: ignore[no-any-return]
            except EOFError:  # the process died (killed for memory, a crash in C)
                self.process.join()
                return {"index": job[0], "outcome": "died", "detail": f"exit code {self.process.exitcode}",
                        "seconds": time.perf_counter() - started, "rss_mb": 0.0}
        self.process.kill()
        self.process.join()
        return None

    def close(self) -> None:
        self.conn.send(None)
        self.process.join(10)


def head(text: str, size: int = 160) -> str:
    return repr(text[:size]) + (f" ... ({len(text):,} characters)" if len(text) > size else "")


def run(args: argparse.Namespace) -> dict[str, Any]:
    load_before = os.getloadavg()
    started = time.perf_counter()
    child = Child()
    load_seconds = time.perf_counter() - started
    times: list[tuple[float, int, int]] = []
    outcomes: dict[str, int] = {}
    groups: dict[str, dict[str, Any]] = {}
    hangs: list[dict[str, Any]] = []
    rss = 0.0
    coding_started = time.perf_counter()
    for index in range(args.start, args.start + args.texts):
        text, published = fuzzed(args.seed, index, args.max_repeat, not args.safe_days)
        answer = child.code((index, text, published), args.timeout)
        if answer is None:
            hangs.append({"index": index, "published": published, "length": len(text), "text": head(text)})
            outcomes["hang"] = outcomes.get("hang", 0) + 1
            times.append((args.timeout, index, len(text)))
            child = Child()
            continue
        outcome = answer["outcome"]
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if outcome == "died":
            child = Child()
        times.append((answer["seconds"], index, len(text)))
        rss = max(rss, answer["rss_mb"])
        if outcome in ("exception", "problems", "refused", "died"):
            key = f"{outcome}: {answer['detail'] if isinstance(answer['detail'], str) else answer['detail'][0]}"
            group = groups.setdefault(key, {"count": 0, "first": {"index": index, "published": published,
                                                                  "text": head(text),
                                                                  "traceback": answer.get("traceback"),
                                                                  "detail": answer["detail"]}})
            group["count"] += 1
        done = index - args.start + 1
        if done % args.progress == 0:
            rate = done / (time.perf_counter() - coding_started)
            print(f"{done:,} texts, {rate:.1f}/s, {outcomes}", file=sys.stderr, flush=True)
    coding_seconds = time.perf_counter() - coding_started
    child.close()
    seconds = sorted(t for t, _, _ in times)
    slowest = sorted(times, reverse=True)[: args.slowest]
    return {
        "texts": args.texts, "seed": args.seed, "start": args.start, "max_repeat": args.max_repeat,
        "known_crash_days": not args.safe_days, "timeout_s": args.timeout,
        "outcomes": outcomes,
        "exceptions": sum(g["count"] for k, g in groups.items() if k.startswith("exception")),
        "broken_records": sum(g["count"] for k, g in groups.items() if k.startswith("problems")),
        f"over_{LIMIT_SECONDS:g}s": sum(t > LIMIT_SECONDS for t in seconds),
        "groups": dict(sorted(groups.items(), key=lambda kv: -kv[1]["count"])),
        "hangs": hangs,
        "seconds": {"model_load": round(load_seconds, 1), "coding": round(coding_seconds, 1),
                    "texts_per_s": round(args.texts / coding_seconds, 2),
                    "median": round(seconds[len(seconds) // 2], 4), "p99": round(seconds[int(len(seconds) * 0.99)], 3),
                    "max": round(seconds[-1], 3), "mean_characters": round(statistics.mean(n for _, _, n in times))},
        "slowest": [{"index": i, "seconds": round(t, 3), "length": n,
                     "text": head(fuzzed(args.seed, i, args.max_repeat, not args.safe_days)[0])}
                    for t, i, n in slowest],
        "peak_rss_mb": round(rss),
        "machine": {"nproc": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_before": load_before, "load_after": os.getloadavg()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--start", type=int, default=0, help="the first text's index")
    parser.add_argument("--max-repeat", type=int, default=max(texts.LONG_CAPS),
                        help="the longest repeated attack (quote storm, long word, repeated names)")
    parser.add_argument("--safe-days", action="store_true",
                        help="leave out the publication years of the known date crashes (see tests/fuzz)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds after which a text is a hang")
    parser.add_argument("--slowest", type=int, default=20)
    parser.add_argument("--progress", type=int, default=1000, help="report every this many texts")
    parser.add_argument("--out", type=Path, help="write the JSON summary here (default: print it)")
    parser.add_argument("--show", type=int, metavar="INDEX", help="print text INDEX of --seed and its day, and stop")
    args = parser.parse_args()
    if args.show is not None:
        text, published = fuzzed(args.seed, args.show, args.max_repeat, not args.safe_days)
        print(json.dumps({"index": args.show, "published": published, "text": text}))
        return
    summary = json.dumps(run(args), indent=1, ensure_ascii=True)
    if args.out:
        args.out.write_text(summary + "\n", encoding="utf-8")
    else:
        print(summary)


if __name__ == "__main__":
    main()
