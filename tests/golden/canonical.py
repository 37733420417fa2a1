"""The canonical, order-stable projection of a record that golden files store and compare."""

from __future__ import annotations

from typing import Any

from eventwire.records import CodedArticle


def canonical(record: CodedArticle) -> dict[str, Any]:
    return {
        "mentions": sorted([m.text, m.code] for m in record.mentions),
        "events": [
            {"trigger": e.trigger.text, "source": e.source.code, "target": e.target.code if e.target else None,
             "cameo": e.cameo, "negated": e.negated, "hypothetical": e.hypothetical, "date": e.date,
             "quote_id": e.quote_id}
            for e in record.events
        ],
        "quotes": [{"id": q.id, "kind": q.kind, "text": q.text, "speaker": q.speaker.code if q.speaker else None}
                   for q in record.quotes],
        "times": [[t.text, t.value] for t in record.times],
    }
