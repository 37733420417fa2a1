"""Code a submitted article with the app's coder (built once, on first use) and store it in one run."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from eventwire.knowledge.settings import CoderSettings
from eventwire.nlp.budget import SERVE_TIMEOUT_S, CodingTimeout
from eventwire.nlp.guard import InputRejected
from eventwire.records import ArticleText, SourceFailure, article_id, content_hash, parse_day
from eventwire.serve.errors import ApiError
from eventwire.serve.params import CodeRequest

log = logging.getLogger(__name__)


LOCATION = "api:/api/code"  # where a POSTed article is read from, in the store's runs and failures


@dataclass(frozen=True)
class CoderFactory:
    """Builds the coder ``settings`` ask for (importing the model only when called); ``timeout_s`` is the time
    budget of each submitted article (None: no limit)."""

    settings: CoderSettings
    timeout_s: float | None = SERVE_TIMEOUT_S

    def __call__(self) -> Any:
        from eventwire.pipeline import Coder

        return Coder(self.settings)


def coder_factory(settings: CoderSettings, timeout_s: float | None = SERVE_TIMEOUT_S) -> CoderFactory:
    """The factory of the coder ``settings`` ask for, coding each article within ``timeout_s`` seconds."""
    return CoderFactory(settings, timeout_s)


class CoderHolder:
    """The coder is expensive (the spaCy model): built by ``factory`` on first use, then shared under a lock.
    Each article is coded within the factory's ``timeout_s`` (SERVE_TIMEOUT_S for a factory without one); the
    budget is the coder's own (``eventwire.nlp.budget``), which holds in the server's worker threads."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self.timeout_s: float | None = getattr(factory, "timeout_s", SERVE_TIMEOUT_S)
        self._coder: Any = None
        self._lock = threading.Lock()

    def code(self, body: CodeRequest, article_id: str) -> Any:
        with self._lock:  # spaCy's pipeline is not documented thread-safe; POST /code is rare
            if self._coder is None:
                self._coder = self._factory()
            return self._coder.code(body.text, published=body.published, timeout_s=self.timeout_s,
                                    title=body.title, url=body.url, source=body.source, id=article_id)


def code_and_store(state: Any, body: CodeRequest) -> tuple[bool, dict[str, Any]]:
    """Code, then write in one transaction; ``(stored, response)`` where stored is False for a known text.

    An article past its time budget is recorded in the store's ``failures`` (as `run` records one) and answered
    with 422 and the reason."""
    key = content_hash(body.text)
    ident = body.id or article_id(body.text)
    try:
        record = state.coder.code(body, ident)
    except InputRejected as exc:
        raise ApiError(422, f"invalid text: {exc}", [{"field": "text", "problem": str(exc)}]) from None
    except CodingTimeout as timeout:
        _store(state, [], [SourceFailure(f"{LOCATION}#{ident}", str(timeout))])
        log.warning("POST /api/code: article %s (%s): %s", ident, key[:12], timeout)
        raise ApiError(422, f"article not coded: {timeout}", [{"field": "text", "problem": str(timeout)}]) from None
    item = ArticleText(body.text, parse_day(body.published), body.title, body.url, body.source, ident,
                       location=LOCATION)
    written = _store(state, [(item, record)], [])
    log.info("POST /api/code: article %s (%s) %s", ident, key[:12], "stored" if written else "already stored")
    return bool(written), {"hash": key, "stored": bool(written), "record": record.to_dict()}


def _store(state: Any, coded: list[tuple[ArticleText, Any]], failures: list[SourceFailure]) -> int:
    """Write in one recorded run, the run lifecycle of `run` and `watch` (corpus.lifecycle); articles written."""
    from eventwire.corpus.lifecycle import RunSession
    from eventwire.corpus.versions import current_versions

    with state.pool.writer() as conn:
        session = RunSession(conn, {"sources": [LOCATION]}, current_versions(state.settings.coder))
        written = session.write(coded, failures)
        session.counts.update(read=1, events=sum(len(r.events) for _, r in coded) if written else 0)
        session.refresh()  # the new article's clusters, as a run would
        session.finish()
    return written
