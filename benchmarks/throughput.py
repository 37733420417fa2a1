"""Throughput of ``Coder.code_many`` against bare spaCy ``nlp.pipe`` on the same texts, in one run.

Each mode runs in its own process (so peak RSS is its own), on the same articles, and the
modes alternate over ``--rounds``. Reports articles/s, the ratio ours/bare, peak RSS, and the same ratio by the
process CPU time of the timed pass (``cpu_ratio``: bare CPU seconds / ours; steadier than wall time on a machine
other jobs share).
Default corpus: the BBC politics articles in ../shared/data/bbc-news/politics.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "bbc-news" / "politics"


def read_corpus(folder: Path, limit: int | None) -> list[str]:
    files = sorted(folder.glob("*.txt"))[:limit]
    return [f.read_bytes().decode("utf-8", errors="replace") for f in files]


def run_mode(mode: str, folder: Path, limit: int | None, batch_size: int) -> dict:
    """Load, warm up on a few texts, then time one pass over the corpus."""
    texts = read_corpus(folder, limit)
    if mode == "bare":
        from eventwire.nlp.model import load_model

        nlp = load_model()
        list(nlp.pipe(texts[:5]))
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    else:
        from eventwire import pipeline
        from eventwire.pipeline import Coder
        from eventwire.records import ArticleText

        # Time quote extraction on its own (issue 3 budget: < 10% of the pipeline's time).
        quote_seconds = [0.0]
        find_quotes = pipeline.find_quotes

        def timed_find_quotes(doc, mentions, *rest):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return find_quotes(doc, mentions, *rest)
            finally:
                quote_seconds[0] += time.perf_counter() - started

        pipeline.find_quotes = timed_find_quotes  # type: ignore[assignment]
        coder = Coder(batch_size=batch_size)
        list(coder.code_many(ArticleText(t, "2005-01-01") for t in texts[:5]))
        quote_seconds[0] = 0.0
        start, cpu_start = time.perf_counter(), time.process_time()
        events = sum(len(r.events) for r in coder.code_many(ArticleText(t, "2005-01-01") for t in texts))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"mode": mode, "articles": len(texts), "seconds": seconds, "articles_per_s": len(texts) / seconds,
           "cpu_seconds": cpu_seconds, "peak_rss_mb": peak_mb}
    if mode == "ours":
        out["events"] = events
        out["quote_seconds"] = quote_seconds[0]
    return out


def run_interleaved(folder: Path, limit: int | None, batch_size: int) -> dict:
    """Both pipelines in one process, timed batch by batch in turn (which goes first alternates), so that both see
    the same machine load: on a shared machine a steadier ratio than separate processes give (no peak RSS)."""
    from eventwire.nlp.model import load_model
    from eventwire.pipeline import Coder
    from eventwire.records import ArticleText

    texts = read_corpus(folder, limit)
    nlp, coder = load_model(), Coder(batch_size=batch_size)
    list(nlp.pipe(texts[:5]))
    list(coder.code_many(ArticleText(t, "2005-01-01") for t in texts[:5]))
    spent = {"bare": [0.0, 0.0], "ours": [0.0, 0.0]}  # wall, CPU seconds

    def timed(mode: str, batch: list[str]) -> None:
        start, cpu_start = time.perf_counter(), time.process_time()
        if mode == "bare":
            for _ in nlp.pipe(batch, batch_size=batch_size):
                pass
        else:
            for _ in coder.code_many(ArticleText(t, "2005-01-01") for t in batch):
                pass
        spent[mode][0] += time.perf_counter() - start
        spent[mode][1] += time.process_time() - cpu_start

    for n, k in enumerate(range(0, len(texts), batch_size)):
        batch = texts[k : k + batch_size]
        for mode in ("bare", "ours") if n % 2 == 0 else ("ours", "bare"):
            timed(mode, batch)
    (bare_wall, bare_cpu), (ours_wall, ours_cpu) = spent["bare"], spent["ours"]
    return {"mode": "interleaved", "articles": len(texts), "bare_seconds": round(bare_wall, 2),
            "ours_seconds": round(ours_wall, 2), "ratio": round(bare_wall / ours_wall, 3),
            "bare_cpu_s": round(bare_cpu, 2), "ours_cpu_s": round(ours_cpu, 2),
            "cpu_ratio": round(bare_cpu / ours_cpu, 3)}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--mode", choices=("bare", "ours"), help=argparse.SUPPRESS)
    parser.add_argument("--interleaved", action="store_true",
                        help="one process, both pipelines timed batch by batch in turn (a shared machine)")
    args = parser.parse_args()
    if args.interleaved:
        print(json.dumps({"machine": machine(), **run_interleaved(args.corpus, args.limit, args.batch_size)}))
        return 0
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.corpus, args.limit, args.batch_size)))
        return 0
    if not args.corpus.is_dir():
        print(f"corpus folder {args.corpus} not found", file=sys.stderr)
        return 2
    runs: dict[str, list[dict]] = {"bare": [], "ours": []}
    for _ in range(args.rounds):
        for mode in ("bare", "ours"):
            cmd = [sys.executable, __file__, "--mode", mode, "--corpus", str(args.corpus),
                   "--batch-size", str(args.batch_size)] + (["--limit", str(args.limit)] if args.limit else [])
            runs[mode].append(json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout))
    bare = statistics.median(r["articles_per_s"] for r in runs["bare"])
    ours = statistics.median(r["articles_per_s"] for r in runs["ours"])
    bare_cpu = statistics.median(r["cpu_seconds"] for r in runs["bare"])
    ours_cpu = statistics.median(r["cpu_seconds"] for r in runs["ours"])
    result = {
        "machine": machine(), "corpus": str(args.corpus), "articles": runs["ours"][0]["articles"],
        "bare_articles_per_s": round(bare, 2), "ours_articles_per_s": round(ours, 2), "ratio": round(ours / bare, 3),
        "bare_cpu_s": round(bare_cpu, 2), "ours_cpu_s": round(ours_cpu, 2), "cpu_ratio": round(bare_cpu / ours_cpu, 3),
        "bare_peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs["bare"])),
        "ours_peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs["ours"])),
        "events": runs["ours"][0]["events"], "rounds": args.rounds,
        "quote_share_of_ours": round(statistics.median(r["quote_seconds"] / r["seconds"] for r in runs["ours"]), 4),
    }
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps({"result": result, "runs": runs}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
