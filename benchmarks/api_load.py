"""Load benchmark of the HTTP API: 50 concurrent clients on loopback against a big store.

Starts ``eventwire serve`` (uvicorn) on 127.0.0.1 on a free port in a subprocess, then runs ``--clients``
asyncio clients (httpx.AsyncClient), each sending requests one after another, half dyad timelines
(random dyad among the busiest, random interval and window) and half filtered event lists (random
country, window, quad class or CAMEO root), until ``--requests`` are done or ``--seconds`` pass. ``--rate``
paces the whole load at that many requests per second (open loop, like many dashboard users); without it
every client sends its next request as soon as the last is answered (closed loop: the saturation test).
Prints p50/p95/p99 latency, requests/s and errors as JSON.

    .venv/bin/python benchmarks/make_big_store.py --out /tmp/big.db
    .venv/bin/python benchmarks/api_load.py --db /tmp/big.db --clients 50 --requests 5000 --rate 200
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

DYADS = [("USA", "RUS"), ("RUS", "UKR"), ("USA", "CHN"), ("RUS", "ARM"), ("ARM", "AZE"), ("ISR", "IRN"),
         ("CHN", "UKR"), ("FRA", "DEU"), ("TUR", "SYR"), ("IND", "PAK"), ("GBR", "USA"), ("RUS", "CHN")]
COUNTRIES = ["USA", "RUS", "UKR", "CHN", "ARM", "AZE", "ISR", "IRN", "FRA", "DEU", "TUR", "IND", "POL", "GEO"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def window(rng: random.Random) -> dict[str, str]:
    span = rng.choice((1, 3, 12))  # months
    start = rng.randrange(7 * 12 - span + 1)  # months since January 2018, so the window ends by 2024
    end = start + span - 1
    return {"since": f"{2018 + start // 12}-{start % 12 + 1:02d}-01",
            "until": f"{2018 + end // 12}-{end % 12 + 1:02d}-28"}


def request_for(rng: random.Random) -> tuple[str, str, dict[str, str]]:
    if rng.random() < 0.5:
        a, b = rng.choice(DYADS)
        params = {"a": a, "b": b, "interval": rng.choice(("day", "week", "month"))}
        if rng.random() < 0.5:
            params.update(window(rng))
        return "dyad timeline", "/api/dyads", params
    params = {"country": rng.choice(COUNTRIES), "limit": "50", **window(rng)}
    extra = rng.random()
    if extra < 0.33:
        params["quad_class"] = str(rng.randint(1, 4))
    elif extra < 0.66:
        params["root"] = f"{rng.randint(1, 20):02d}"
    return "filtered events", "/api/events", params


async def client(base: str, rng: random.Random, budget: dict, pacer: asyncio.Queue | None, out: list) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while True:
            if pacer is not None:
                if not await pacer.get():  # False: the pacer has handed out every request
                    return
            elif budget["left"] <= 0 or time.monotonic() >= budget["deadline"]:
                return
            budget["left"] -= 1
            kind, path, params = request_for(rng)
            started = time.perf_counter()
            try:
                response = await http.get(path, params=params)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            out.append((kind, time.perf_counter() - started, ok))


async def pace(rate: float, pacer: asyncio.Queue, budget: dict) -> None:
    """Release one request slot every 1/rate seconds: the offered load, whatever the answers' speed."""
    start = time.monotonic()
    for n in range(1, budget["left"] + 1):
        await asyncio.sleep(max(0.0, start + n / rate - time.monotonic()))
        if time.monotonic() >= budget["deadline"]:
            break
        pacer.put_nowait(True)
    for _ in range(budget["clients"]):
        pacer.put_nowait(False)


async def load(base: str, clients: int, requests: int, seconds: float, rate: float | None, seed: int) -> list:
    out: list = []
    budget = {"left": requests, "deadline": time.monotonic() + seconds, "clients": clients}
    pacer: asyncio.Queue | None = asyncio.Queue() if rate else None
    tasks = [client(base, random.Random(seed + i), budget, pacer, out) for i in range(clients)]
    if pacer is not None and rate:
        tasks.append(pace(rate, pacer, budget))
    started = time.monotonic()
    await asyncio.wait([asyncio.ensure_future(t) for t in tasks], timeout=seconds + 60)
    out.append(("_elapsed", time.monotonic() - started, True))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def summarise(results: list, clients: int, rate: float | None, workers: int) -> dict:
    elapsed = next(t for k, t, _ in results if k == "_elapsed")
    results = [r for r in results if r[0] != "_elapsed"]
    report = {"clients": clients, "offered_rate": rate, "server_workers": workers, "requests": len(results),
              "seconds": round(elapsed, 2), "requests_per_s": round(len(results) / elapsed, 1),
              "errors": sum(1 for _, _, ok in results if not ok),
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
                         f"Python {platform.python_version()}"}
    for kind in ("all", "dyad timeline", "filtered events"):
        times = [t * 1000 for k, t, _ in results if kind in ("all", k)]
        report[kind] = {"n": len(times), **{f"p{int(q * 100)}_ms": round(percentile(times, q), 1)
                                            for q in (0.5, 0.95, 0.99)}}
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000, help="stop after this many requests")
    parser.add_argument("--seconds", type=float, default=60, help="stop after this long")
    parser.add_argument("--rate", type=float, help="offered requests per second (default: closed loop)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "eventwire.cli.serve", "serve", "--db", str(args.db),
                               "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        results = asyncio.run(load(base, args.clients, args.requests, args.seconds, args.rate, args.seed))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps(summarise(results, args.clients, args.rate, args.workers), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
