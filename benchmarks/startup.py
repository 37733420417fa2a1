"""Start-up cost: model load, knowledge load (the bundle, the name index), and the peak RSS of one
``eventwire code`` run, with and without the broad actor layer (docs/knowledge-base.md, docs/benchmarks.md).

Each measure runs in a fresh process (``--rounds`` times, alternating the two settings); the report gives the
fastest and the median round, since other work on the machine only ever adds time.
Targets: model + knowledge < 10 s, peak RSS of ``eventwire code`` < 800 MB.

    PYTHONPATH=src python benchmarks/startup.py [--rounds 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "eventwire" / "data" / "samples" / "summit-call.txt"
PROBE = """
import json, resource, sys, time
t0 = time.perf_counter()
from eventwire.nlp.model import make_nlp
nlp = make_nlp()
t1 = time.perf_counter()
from eventwire.knowledge.settings import CoderSettings
from eventwire.pipeline import Coder
coder = Coder(CoderSettings(broad_kb=sys.argv[1] == "broad"), nlp=nlp)
t2 = time.perf_counter()
print(json.dumps({"model_s": t1 - t0, "knowledge_s": t2 - t1, "actors": len(coder.kb.actors),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
CODE_RSS = """
import resource, runpy, sys
sys.argv = ["eventwire"] + sys.argv[1:]
try:
    runpy.run_module("eventwire.cli.main", run_name="__main__")
except SystemExit:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)
"""


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def load_round(layer: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", PROBE, layer], capture_output=True, text=True,
                         check=True, env=environment())
    return json.loads(out.stdout.strip().splitlines()[-1])


def code_rss(layer: str) -> float:
    args = ["code", str(SAMPLE), "--published", "2024-08-23"] + ([] if layer == "broad" else ["--no-broad-kb"])
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", CODE_RSS, *args], capture_output=True, text=True,
                         check=True, env=environment())
    return float(out.stderr.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    results: dict[str, dict[str, list[float]]] = {}
    for _ in range(args.rounds):
        for layer in ("broad", "curated"):
            got = load_round(layer)
            got["code_rss_mb"] = code_rss(layer)
            got["total_s"] = got["model_s"] + got["knowledge_s"]
            for key, value in got.items():
                results.setdefault(layer, {}).setdefault(key, []).append(value)
    summary = {layer: {k: {"min": round(min(v), 2), "median": round(statistics.median(v), 2)} for k, v in r.items()}
               for layer, r in results.items()}
    for layer, figures in summary.items():
        print(f"{layer:8} model {figures['model_s']['min']:.2f}s (median {figures['model_s']['median']:.2f})  "
              f"knowledge {figures['knowledge_s']['min']:.2f}s (median {figures['knowledge_s']['median']:.2f})  "
              f"total {figures['total_s']['min']:.2f}s (median {figures['total_s']['median']:.2f})  "
              f"actors {int(figures['actors']['min'])}  eventwire code peak RSS {figures['code_rss_mb']['min']:.0f}"
              f" MB (median {figures['code_rss_mb']['median']:.0f})")
    with os.popen("cat /proc/loadavg 2>/dev/null") as load:
        print("load average:", load.read().strip())
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
