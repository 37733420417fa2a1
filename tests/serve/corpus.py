"""A store coded by the real coder from our sample articles and (when present) the shared seed article."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from eventwire.corpus.versions import current_versions
from eventwire.records import ArticleText
from eventwire.store.connect import open_store
from eventwire.store.write import finish_run, start_run, write_batch

SAMPLES = resources.files("eventwire") / "data" / "samples"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"
SEED_PUBLISHED = "2024-08-23"


def corpus_articles(include_seed: bool = True) -> list[ArticleText]:
    """The bundled samples, and the seed article when the shared folder has it."""
    meta = json.loads((SAMPLES / "samples.json").read_text(encoding="utf-8"))
    items = [ArticleText((SAMPLES / m["file"]).read_text(encoding="utf-8"), m["published"], m["title"],
                         source="eventwire samples", id=m["id"], location=m["file"]) for m in meta]
    if include_seed and SEED.is_file():
        text = SEED.read_text(encoding="utf-8")
        items.append(ArticleText(text, SEED_PUBLISHED, text.splitlines()[0][:120], source="seed", id="seed",
                                 location="shared/seed/article.txt"))
    return items


def build_store(path: Path, coder, include_seed: bool = True) -> Path:  # noqa: ANN001 - a pipeline.Coder
    """Code the corpus with ``coder`` and write it to a new store at ``path``."""
    items = corpus_articles(include_seed)
    records = list(coder.code_many(items))
    conn = open_store(path)
    versions = current_versions()
    run_id = start_run(conn, {"sources": ["test corpus"]}, versions)
    write_batch(conn, run_id, list(zip(items, records, strict=True)), [], versions)
    finish_run(conn, run_id, {"coded": len(items)})
    conn.close()
    return path
