"""Rewrite tests/golden/*/expected.json from the current coder. Run on purpose, then read the diff."""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.golden.canonical import canonical  # noqa: E402

from eventwire.pipeline import Coder  # noqa: E402


def main() -> int:
    coder = Coder()
    for case in sorted((REPO / "tests" / "golden").iterdir()):
        if not (case / "article.txt").is_file():
            continue
        meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
        record = coder.code((case / "article.txt").read_text(encoding="utf-8"), published=meta["published"])
        out = json.dumps(canonical(record), indent=1, ensure_ascii=False) + "\n"
        (case / "expected.json").write_text(out, encoding="utf-8")
        print(f"{case.name}: {len(record.events)} events, {len(record.quotes)} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
