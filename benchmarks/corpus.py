"""Corpus throughput: ``eventwire run`` with 1 and 2 workers against bare spaCy ``nlp.pipe``, in one run.

Each mode runs in its own process on the same articles (the BBC corpus, or its first ``--limit``)
and is timed end to end, model loading included (bare spaCy loads its model too): what a user waits
for. Reports articles/s, the ratios (2 workers / 1 worker, 1 worker / bare), each worker's peak RSS
and the store's size per 1,000 articles. ``--acceptance`` also times ``eventwire run`` on the whole
corpus into a fresh store and then again (the second run codes nothing new).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "bbc-news"


def bare_mode(corpus: Path, limit: int | None, batch_size: int) -> dict:
    from eventwire.ingest.factory import make_source
    from eventwire.records import ArticleText

    read = [a.text for a in make_source(str(corpus)).read() if isinstance(a, ArticleText)][:limit]
    texts = list(dict.fromkeys(read))  # distinct texts, as a run codes them (it skips repeated stories)
    start = time.perf_counter()
    from eventwire.nlp.model import make_nlp

    nlp = make_nlp()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": len(read), "seconds": seconds, "peak_rss_mb": {"bare": peak}}


def run_mode(corpus: Path, limit: int | None, batch_size: int, workers: int, db: Path) -> dict:
    from eventwire.corpus.runner import RunOptions, run_corpus
    from eventwire.corpus.work import WorkOptions
    from eventwire.ingest.factory import make_source
    from eventwire.knowledge.settings import CoderSettings

    start = time.perf_counter()
    report = run_corpus([make_source(str(corpus))], RunOptions(
        db=db, workers=workers, work=WorkOptions(CoderSettings(batch_size=batch_size)), limit=limit, progress=False))
    seconds = time.perf_counter() - start
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    return {"articles": report.counts["read"], "coded": report.counts["coded"], "events": report.counts["events"],
            "seconds": seconds, "store_bytes": size,
            "peak_rss_mb": {str(pid): mb for pid, mb in report.peak_rss_mb.items()}}


def in_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{cpu}, nproc {os.cpu_count()}, Python {platform.python_version()}, {platform.system()}"


def timed_command(corpus: Path, db: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "eventwire.cli.corpus", "run", str(corpus), "--db", str(db),
                    "--no-progress"], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--acceptance", action="store_true", help="also time two full runs of the command")
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode == "bare":
        print(json.dumps(bare_mode(args.corpus, args.limit, args.batch_size)))
        return 0
    if args.mode:
        print(json.dumps(run_mode(args.corpus, args.limit, args.batch_size, int(args.mode), args.db)))
        return 0
    common = ["--corpus", str(args.corpus), "--batch-size", str(args.batch_size)]
    common += ["--limit", str(args.limit)] if args.limit else []
    load_before = os.getloadavg()[0]  # other work on the machine skews wall-clock rates
    with tempfile.TemporaryDirectory() as tmp:
        bare = in_child("--mode", "bare", *common)
        one = in_child("--mode", "1", "--db", f"{tmp}/one.db", *common)
        two = in_child("--mode", "2", "--db", f"{tmp}/two.db", *common)
        result = {
            "machine": machine(), "load_average_before": load_before,
            "articles": one["articles"], "events": one["events"],
            "bare_articles_per_s": round(bare["articles"] / bare["seconds"], 2),
            "one_worker_articles_per_s": round(one["articles"] / one["seconds"], 2),
            "two_workers_articles_per_s": round(two["articles"] / two["seconds"], 2),
            "two_over_one": round(one["seconds"] / two["seconds"], 3),
            "one_over_bare": round(bare["seconds"] / one["seconds"], 3),
            "peak_rss_mb": {"bare": round(bare["peak_rss_mb"]["bare"]),
                            "one_worker": [round(v) for v in one["peak_rss_mb"].values()],
                            "two_workers": [round(v) for v in two["peak_rss_mb"].values()]},
            "store_mb_per_1000_articles": round(one["store_bytes"] / one["coded"] * 1000 / 2**20, 2),
            "same_store": two["events"] == one["events"] and two["coded"] == one["coded"],
        }
        if args.acceptance:
            result["acceptance_first_run_s"] = round(timed_command(args.corpus, Path(tmp) / "acc.db"), 1)
            result["acceptance_second_run_s"] = round(timed_command(args.corpus, Path(tmp) / "acc.db"), 1)
    result["load_average_after"] = os.getloadavg()[0]
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
