"""Hostile inputs through one Coder: seconds and peak RSS of each, every input in a process of its own.

    python benchmarks/hostile.py [--only NAME ...] [--timeout SECONDS] [--limit SECONDS]

The inputs are the attacks of issue 16 (quote marks, unpunctuated text, a repeated place name) and their kin;
``--timeout`` is the coder's budget per article (0: none, to measure the raw cost); ``--limit`` kills a child
that runs longer. Peak RSS is ``getrusage`` of the child, the model loaded (about 370 MB of it).
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def bbc_words(punctuated: bool) -> str:
    texts = [Path(p).read_text(encoding="utf-8", errors="replace")
             for p in sorted(glob.glob(str(SHARED / "bbc-news" / "politics" / "*.txt")))]
    if punctuated:
        return " ".join(t.replace("\n", " ") for t in texts)
    return " ".join(re.findall(r"[A-Za-z]+", " ".join(texts)))


def repeat(text: str, size: int) -> str:
    return ((text + " ") * (size // (len(text) + 1) + 1))[:size]


INPUTS: dict[str, Callable[[], str]] = {
    "quotes-100k": lambda: '"' * 100_000,
    "quotes-spaced-100k": lambda: '" ' * 50_000,
    "dollars-100k": lambda: "$" * 100_000,
    "dollars-250k": lambda: "$" * 250_000,
    "dollars-1m": lambda: "$" * 1_000_000,
    "unpunctuated-857k": lambda: repeat(bbc_words(False), 857_000),
    "punctuated-857k": lambda: repeat(bbc_words(True), 857_000),
    "one-letter-words-1m": lambda: "a " * 500_000,
    "place-repeated-100k": lambda: "Paris and " * 10_000,
    "town-sentences-100k": lambda: "Officials met in Springfield, Ohio on Monday. " * 2_200,
}

CHILD = """
import json, resource, sys, time
from eventwire.pipeline import Coder
from eventwire.nlp.budget import CodingTimeout
from eventwire.nlp.guard import InputRejected
text, timeout = sys.stdin.read(), float(sys.argv[1]) or None
coder = Coder()
coder.code("The minister said on Monday that talks would resume.")
started = time.perf_counter()
try:
    record = coder.code(text, timeout_s=timeout)
    outcome = f"{len(record.events)} events, {len(record.places)} places"
except (CodingTimeout, InputRejected) as refused:
    outcome = str(refused)
print(json.dumps({"seconds": round(time.perf_counter() - started, 1), "outcome": outcome,
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def measure(name: str, timeout: float, limit: float) -> dict[str, object]:
    text = INPUTS[name]()
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(timeout)], input=text, capture_output=True,
                              text=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return {"input": name, "chars": len(text), "outcome": f"killed after {limit:g} s"}
    return {"input": name, "chars": len(text), **json.loads(done.stdout.splitlines()[-1])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(INPUTS), help="these inputs only")
    parser.add_argument("--timeout", type=float, default=0.0, help="the coder's budget per article (0: none)")
    parser.add_argument("--limit", type=float, default=600.0, help="kill a child after this many seconds")
    args = parser.parse_args()
    for name in args.only or INPUTS:
        print(json.dumps(measure(name, args.timeout, args.limit)), flush=True)


if __name__ == "__main__":
    main()
