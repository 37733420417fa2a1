"""The bundled sample articles (``data/samples/``: ``samples.json`` lists each file with its id, title and
publication date), which ``eventwire demo`` and ``make run`` code."""

from __future__ import annotations

import json
from importlib import resources

from eventwire.records import ArticleText

SAMPLES = resources.files("eventwire") / "data" / "samples"


def load_samples() -> tuple[ArticleText, ...]:
    """The sample articles, in the order ``samples.json`` lists them."""
    meta = json.loads((SAMPLES / "samples.json").read_text(encoding="utf-8"))
    return tuple(ArticleText((SAMPLES / m["file"]).read_text(encoding="utf-8"), m["published"], m["title"],
                             source="eventwire samples", id=m["id"]) for m in meta)
