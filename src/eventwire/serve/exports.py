"""Downloads of what a dashboard view shows (docs/serve.md, "Exports"): the events a view's filter selects
in the columns of ``eventwire export`` (CSV, JSON, Parquet), and a dyad's series as a table."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from starlette.background import BackgroundTask
from starlette.responses import FileResponse, Response

from eventwire.export.columns import export_row
from eventwire.export.writers import write_csv, write_parquet

MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json",
         "parquet": "application/vnd.apache.parquet"}
PLACE_COLUMNS = ("name", "country", "lat", "lon", "events", "conflict", "goldstein_mean")
EDGE_COLUMNS = ("source", "target", "events", "goldstein_mean")
SERIES_COLUMNS = ("period", "total", "quad_1", "quad_2", "quad_3", "quad_4", "cooperation", "conflict",
                  "goldstein_mean", "articles", "per_100_articles", "clusters")


def _download(name: str, fmt: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}


def events_response(events: Iterable[dict[str, Any]], fmt: str, name: str) -> Response:
    """Events (``store.events.query_events`` rows) as a download in the columns of ``eventwire export``."""
    if fmt == "parquet":
        return parquet_response(lambda path: write_parquet(events, path), name)
    if fmt == "json":
        body = json.dumps([export_row(e) for e in events], ensure_ascii=False)
        return Response(body, media_type=MEDIA["json"], headers=_download(name, "json"))
    out = io.StringIO()
    write_csv(events, out)
    return Response(out.getvalue(), media_type=MEDIA["csv"], headers=_download(name, "csv"))


def series_rows(series: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"period": p["period"], "total": p["total"], **{f"quad_{q}": p["quad"][q] for q in "1234"},
             "cooperation": p["cooperation"], "conflict": p["conflict"], "goldstein_mean": p["goldstein_mean"],
             "articles": p["articles"], "per_100_articles": p["per_100_articles"], "clusters": p.get("clusters")}
            for p in series]


def series_response(series: list[dict[str, Any]], fmt: str, name: str) -> Response:
    """A dyad's series, one row a period, as CSV, JSON or Parquet."""
    return table_response(series_rows(series), SERIES_COLUMNS, fmt, name)


def table_response(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str, name: str) -> Response:
    """Flat rows (the ``columns`` of each) as CSV, JSON or Parquet."""
    if fmt == "json":
        return Response(json.dumps(rows), media_type=MEDIA["json"], headers=_download(name, "json"))
    if fmt == "parquet":
        def write(path: Path) -> int:
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({c: [] for c in columns}), str(path))
            return len(rows)

        return parquet_response(write, name)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return Response(out.getvalue(), media_type=MEDIA["csv"], headers=_download(name, "csv"))


def parquet_response(write: Any, name: str) -> Response:
    """Write a Parquet file to a temporary path, answer it, delete it afterwards."""
    handle, raw = tempfile.mkstemp(suffix=".parquet", prefix="eventwire-")
    os.close(handle)
    path = Path(raw)
    try:
        write(path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return FileResponse(path, media_type=MEDIA["parquet"], filename=f"{name}.parquet",
                        background=BackgroundTask(path.unlink, missing_ok=True))
