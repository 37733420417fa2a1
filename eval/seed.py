"""Code the seed article and score it with the shared scorer (events, quotes, speakers, dates, places, actors)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    seed = args.shared / "seed"
    if not (seed / "article.txt").is_file():
        print(f"seed article not found under {seed}", file=sys.stderr)
        return 2
    from eventwire.pipeline import Coder

    meta = json.loads((seed / "meta.json").read_text(encoding="utf-8"))
    record = Coder().code((seed / "article.txt").read_text(encoding="utf-8"), published=meta["published"],
                          title=meta.get("title"), url=meta.get("url"), source=meta.get("source"), id=meta["id"])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seed.json"
        out.write_text(json.dumps(record.to_dict(), ensure_ascii=False), encoding="utf-8")
        result = subprocess.run([sys.executable, str(args.shared / "tools" / "score.py"), str(seed / "gold.json"),
                                 str(out)], capture_output=True, text=True, check=False)
    print(result.stdout, end="")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
