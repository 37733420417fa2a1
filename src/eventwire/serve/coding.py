"""Code a submitted article with the app's coder (built once, on first use) and store it in one run."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from eventwire.nlp.guard import InputRejected
from eventwire.records import ArticleText, article_id, content_hash, parse_day
from eventwire.serve.errors import ApiError
from eventwire.serve.params import CodeRequest

log = logging.getLogger(__name__)


def default_coder() -> Any:
    from eventwire.pipeline import Coder

    return Coder()


class CoderHolder:
    """The coder is expensive (the spaCy model): built by ``factory`` on first use, then shared under a lock."""

    def __init__(self, factory: Callable[[], Any] = default_coder) -> None:
        self._factory = factory
        self._coder: Any = None
        self._lock = threading.Lock()

    def code(self, body: CodeRequest, article_id: str) -> Any:
        with self._lock:  # spaCy's pipeline is not documented thread-safe; POST /code is rare
            if self._coder is None:
                self._coder = self._factory()
            return self._coder.code(body.text, published=body.published, title=body.title, url=body.url,
                                    source=body.source, id=article_id)


def code_and_store(state: Any, body: CodeRequest) -> tuple[bool, dict[str, Any]]:
    """Code, then write in one transaction; ``(stored, response)`` where stored is False for a known text."""
    from eventwire.corpus.versions import current_versions
    from eventwire.store.write import finish_run, start_run, write_batch

    key = content_hash(body.text)
    ident = body.id or article_id(body.text)
    try:
        record = state.coder.code(body, ident)
    except InputRejected as exc:
        raise ApiError(422, f"invalid text: {exc}", [{"field": "text", "problem": str(exc)}]) from None
    item = ArticleText(body.text, parse_day(body.published), body.title, body.url, body.source, ident,
                       location="api:/api/code")
    versions = current_versions()
    with state.pool.writer() as conn:
        run_id = start_run(conn, {"sources": ["api:/api/code"]}, versions)
        written = write_batch(conn, run_id, [(item, record)], [], versions)
        finish_run(conn, run_id, {"read": 1, "coded": written, "events": len(record.events) if written else 0})
    log.info("POST /api/code: article %s (%s) %s", ident, key[:12], "stored" if written else "already stored")
    return bool(written), {"hash": key, "stored": bool(written), "record": record.to_dict()}
