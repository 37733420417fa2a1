"""Code a fixed, broad set of shared news texts and write every record's ``to_dict()`` as JSON Lines.

A refactor that must not change behaviour is checked by running this before and after and comparing
the two files (``cmp`` or ``diff``). The texts are read from ``../shared/data`` and never copied:
the 417 BBC politics articles, the VOA 2019-2025 stories, the seed article and the first AG News rows.

    python scripts/snapshot.py --out /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def texts(ag_rows: int) -> Iterator[tuple[str, str, str | None]]:
    """(id, text, published) for every text of the snapshot, in a fixed order."""
    seed = SHARED / "seed"
    meta = json.loads((seed / "meta.json").read_text()) if (seed / "meta.json").exists() else {}
    yield "seed", (seed / "article.txt").read_text(encoding="utf-8"), meta.get("published", "2024-08-23")
    for path in sorted((SHARED / "data" / "bbc-news" / "politics").glob("*.txt")):
        yield f"bbc-{path.stem}", path.read_bytes().decode("utf-8", "replace"), "2005-01-01"
    with (SHARED / "data" / "voa-2019-2025" / "voa_stories.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            yield f"voa-{row['id']}", row["text"], row["published"][:10]
    with (SHARED / "data" / "ag-news" / "test.csv").open(encoding="utf-8") as handle:
        for n, row in enumerate(csv.reader(handle)):
            if n >= ag_rows:
                break
            yield f"ag-{n}", f"{row[1]}\n\n{row[2]}", "2004-08-01"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--ag-rows", type=int, default=300)
    parser.add_argument("--no-broad-kb", dest="broad_kb", action="store_false", help="without the broad actor layer")
    args = parser.parse_args()
    import eventwire
    from eventwire.knowledge.settings import CoderSettings

    coder = eventwire.Coder(CoderSettings(broad_kb=args.broad_kb))
    items = [eventwire.ArticleText(text, published, id=ident) for ident, text, published in texts(args.ag_rows)]
    with open(args.out, "w", encoding="utf-8") as out:
        for record in coder.code_many(items):
            out.write(json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
