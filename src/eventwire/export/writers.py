"""Write the events a filter selects to a file or stdout in one of the export formats."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from eventwire.export.columns import COLUMNS, NAMES, export_row
from eventwire.export.plover import plover_record
from eventwire.store.cluster_reads import has_cluster_tables, read_event_clusters
from eventwire.store.connect import open_existing
from eventwire.store.events import query_events
from eventwire.store.filters import EventFilter

PARQUET_BATCH = 10_000


@contextmanager
def _text_out(out: Path | None) -> Iterator[TextIO]:
    if out is None:
        yield sys.stdout
        return
    with out.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def write_csv(events: Iterable[dict[str, Any]], handle: TextIO) -> int:
    writer = csv.DictWriter(handle, fieldnames=NAMES, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        # Booleans as 1/0: what R, Stata and spreadsheets read as numbers without a conversion.
        writer.writerow({k: int(v) if isinstance(v, bool) else v for k, v in export_row(event).items()})
        count += 1
    return count


def write_jsonl(events: Iterable[dict[str, Any]], handle: TextIO, layout: str = "flat") -> int:
    count = 0
    for event in events:
        record = plover_record(event) if layout == "plover" else export_row(event)
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def parquet_schema() -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "date": pa.date32(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, _, kind in COLUMNS])


def write_parquet(events: Iterable[dict[str, Any]], out: Path) -> int:
    """Typed columns (dates as date32, booleans, floats), written in row groups of ``PARQUET_BATCH``."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    dates = [name for name, _, kind in COLUMNS if kind == "date"]
    count = 0
    with pq.ParquetWriter(str(out), schema) as writer:
        batch: list[dict[str, Any]] = []
        for event in events:
            row = export_row(event)
            for name in dates:
                row[name] = dt.date.fromisoformat(row[name][:10]) if row[name] else None  # its day
            batch.append(row)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def write_clusters(clusters: Iterable[dict[str, Any]], handle: TextIO) -> int:
    """One event cluster a line: key, counts, dates, why, and every mention with its evidence."""
    count = 0
    for cluster in clusters:
        handle.write(json.dumps(cluster, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_events(db: Path, fmt: str, where: EventFilter | None = None, out: Path | None = None) -> int:
    """Export the selected events (or, with ``clusters``, event clusters) from the store at ``db``; return how many."""
    conn = open_existing(db)
    try:
        if fmt == "clusters":
            if not has_cluster_tables(conn):
                raise sqlite3.OperationalError("it has no cluster tables yet: `eventwire run` on it adds them")
            with _text_out(out) as handle:
                return write_clusters(read_event_clusters(conn, where or EventFilter()), handle)
        events = query_events(conn, where or EventFilter())
        if fmt == "parquet":
            if out is None:
                raise ValueError("parquet needs an output file")
            return write_parquet(events, out)
        with _text_out(out) as handle:
            if fmt == "csv":
                return write_csv(events, handle)
            return write_jsonl(events, handle, layout="plover" if fmt == "plover" else "flat")
    finally:
        conn.close()
