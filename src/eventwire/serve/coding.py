"""Code a submitted article with the app's coder (built once, on first use) and store it in one run."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from eventwire.knowledge.settings import CoderSettings
from eventwire.nlp.guard import InputRejected
from eventwire.records import ArticleText, article_id, content_hash, parse_day
from eventwire.serve.errors import ApiError
from eventwire.serve.params import CodeRequest

log = logging.getLogger(__name__)


def coder_factory(settings: CoderSettings) -> Callable[[], Any]:
    """A factory of the coder ``settings`` ask for (imports the model only when called)."""

    def make() -> Any:
        from eventwire.pipeline import Coder

        return Coder(settings)

    return make


class CoderHolder:
    """The coder is expensive (the spaCy model): built by ``factory`` on first use, then shared under a lock."""

    def __init__(self, factory: Callable[[], Any]) -> None:
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
    from eventwire.corpus.lifecycle import RunSession
    from eventwire.corpus.versions import current_versions

    key = content_hash(body.text)
    ident = body.id or article_id(body.text)
    try:
        record = state.coder.code(body, ident)
    except InputRejected as exc:
        raise ApiError(422, f"invalid text: {exc}", [{"field": "text", "problem": str(exc)}]) from None
    item = ArticleText(body.text, parse_day(body.published), body.title, body.url, body.source, ident,
                       location="api:/api/code")
    versions = current_versions(state.settings.coder)
    with state.pool.writer() as conn:  # the run lifecycle of `run` and `watch` (corpus.lifecycle)
        session = RunSession(conn, {"sources": ["api:/api/code"]}, versions)
        written = session.write([(item, record)], [])
        session.counts.update(read=1, events=len(record.events) if written else 0)
        session.refresh()  # the new article's clusters, as a run would
        session.finish()
    log.info("POST /api/code: article %s (%s) %s", ident, key[:12], "stored" if written else "already stored")
    return bool(written), {"hash": key, "stored": bool(written), "record": record.to_dict()}
