"""Throughput of ``Coder.code_many`` against bare spaCy ``nlp.pipe`` on the same texts, in one run.

Each mode runs in its own process (so peak RSS is its own), on the same articles, and the
modes alternate over ``--rounds``. Reports articles/s, the ratio ours/bare, and peak RSS.
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
        start = time.perf_counter()
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
        start = time.perf_counter()
        events = sum(len(r.events) for r in coder.code_many(ArticleText(t, "2005-01-01") for t in texts))
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"mode": mode, "articles": len(texts), "seconds": seconds, "articles_per_s": len(texts) / seconds,
           "peak_rss_mb": peak_mb}
    if mode == "ours":
        out["events"] = events
        out["quote_seconds"] = quote_seconds[0]
    return out


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
    args = parser.parse_args()
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
    result = {
        "machine": machine(), "corpus": str(args.corpus), "articles": runs["ours"][0]["articles"],
        "bare_articles_per_s": round(bare, 2), "ours_articles_per_s": round(ours, 2), "ratio": round(ours / bare, 3),
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
