"""The flat event row shared by CSV, JSON Lines and Parquet exports: names, order and types (docs/export.md)."""

from __future__ import annotations

import json
from typing import Any

# (export column, store column of ``store.events.query_events``, type): type is str, date, int, float or bool.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("event_id", "id", "str"),
    ("event_date", "day", "date"),
    ("date_precision", "date_precision", "str"),
    ("source_name", "source_name", "str"),
    ("source_text", "source_text", "str"),
    ("source_code", "source_code", "str"),
    ("source_country", "source_country", "str"),
    ("source_sector", "source_sector", "str"),
    ("target_name", "target_name", "str"),
    ("target_text", "target_text", "str"),
    ("target_code", "target_code", "str"),
    ("target_country", "target_country", "str"),
    ("target_sector", "target_sector", "str"),
    ("cameo", "cameo", "str"),
    ("cameo_root", "root", "str"),
    ("plover_type", "plover_type", "str"),
    ("plover_mode", "plover_mode", "str"),
    ("plover_context", "plover_context", "str"),
    ("goldstein", "goldstein", "float"),
    ("quad_class", "quad_class", "int"),
    ("negated", "negated", "bool"),
    ("hypothetical", "hypothetical", "bool"),
    ("background", "background", "bool"),
    ("confidence", "confidence", "float"),
    ("quote_id", "quote_id", "str"),
    ("trigger", "trigger_text", "str"),
    ("evidence", "evidence", "str"),
    ("location_name", "location_name", "str"),
    ("location_country", "location_country", "str"),
    ("latitude", "location_lat", "float"),
    ("longitude", "location_lon", "float"),
    ("geonameid", "location_geonameid", "int"),
    ("article_id", "article_id", "str"),
    ("article_url", "article_url", "str"),
    ("article_title", "article_title", "str"),
    ("article_source", "article_source", "str"),
    ("article_published", "article_published", "date"),
)

NAMES = tuple(name for name, _, _ in COLUMNS)


def export_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as typed export values; PLOVER context (a JSON list in the store) becomes ``a;b``."""
    row: dict[str, Any] = {}
    for name, column, kind in COLUMNS:
        value = event.get(column)
        if column == "plover_context":
            value = ";".join(json.loads(value)) if value else None
        elif kind == "bool" and value is not None:
            value = bool(value)
        row[name] = value or None if kind == "str" else value
    return row
