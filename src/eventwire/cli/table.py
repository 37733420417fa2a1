"""Render coded articles as a plain-text table for people to read at a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.records import CodedArticle, Event

COLUMNS = ("date", "source", "target", "cameo", "plover", "gs", "flags", "trigger")


def event_row(e: Event) -> tuple[str, ...]:
    flags = "".join(f for f, on in (("N", e.negated), ("H", e.hypothetical), ("Q", e.quote_id)) if on)
    return (
        e.date or "-",
        f"{e.source.code or '?'} {e.source.text}"[:32],  # "?": an uncoded party (actors/parties.py)
        f"{e.target.code or '?'} {e.target.text}"[:32] if e.target else "-",
        e.cameo,
        e.plover.type or "-",
        f"{e.goldstein:+.1f}",
        flags or "-",
        e.trigger.text,
    )


def format_rows(rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]


def format_table(records: Sequence[CodedArticle]) -> str:
    """One block per article: its title, then one line per event (flags: N negated, H hypothetical, Q quoted)."""
    out: list[str] = []
    for r in records:
        a = r.article
        out.append(f"== {a.title or a.id} ({a.published or 'no date'}): {len(r.events)} events, "
                   f"{len(r.quotes)} quotes, {len(r.mentions)} actor mentions, {len(r.places)} places")
        if r.warnings:
            out.append("   skipped: " + "; ".join(r.warnings))
        if r.events:
            out.extend("   " + line for line in format_rows([COLUMNS, *(event_row(e) for e in r.events)]))
        out.append("")
    return "\n".join(out)
