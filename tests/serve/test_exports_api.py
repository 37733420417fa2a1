"""Downloads of a dashboard view: the events its filter selects (the columns of ``eventwire export``) and a
dyad's series, as CSV, JSON and Parquet; the rows are what the view counts."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from eventwire.export.columns import NAMES
from eventwire.serve import Settings, make_app
from tests.export.test_export_matches_api import api_ids, flagged_articles  # noqa: F401 - the parity store
from tests.export.test_export_matches_api import db as parity_db  # noqa: F401 - a module fixture


@pytest.fixture(scope="module")
def client(parity_db):  # noqa: F811
    with TestClient(make_app(Settings(db=parity_db, max_limit=100)), base_url="http://localhost") as c:
        yield c


def rows_of(response, fmt):
    assert response.status_code == 200, response.text
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(response.text)))
    if fmt == "json":
        return response.json()
    import pyarrow.parquet as pq

    return pq.read_table(io.BytesIO(response.content)).to_pylist()


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
@pytest.mark.parametrize("query", [{}, {"all_events": "true"}, {"country": "RUS", "hypothetical": "true",
                                                                "all_events": "true"}, {"since": "2024-08-21"}])
def test_an_event_download_holds_the_events_of_the_list(client, fmt, query):
    response = client.get("/api/export/events", params={**query, "format": fmt})
    rows = rows_of(response, fmt)
    assert sorted(r["event_id"] for r in rows) == sorted(api_ids(client, "/api/events", query))
    assert list(rows[0]) == list(NAMES) if rows else True
    assert "attachment" in response.headers["content-disposition"]


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_a_dyad_download_counts_what_the_chart_counts(client, fmt):
    query = {"a": "RUS", "b": "ARM", "interval": "day"}
    chart = client.get("/api/dyads", params=query).json()
    events = rows_of(client.get("/api/export/dyad", params={**query, "format": fmt}), fmt)
    assert len(events) == chart["total"] and chart["total"] > 0
    series = rows_of(client.get("/api/export/dyad", params={**query, "format": fmt, "what": "series"}), fmt)
    assert [r["period"] for r in series] == [p["period"] for p in chart["series"]]
    assert sum(int(r["total"]) for r in series) == chart["total"]
    everything = client.get("/api/dyads", params={**query, "all_events": "true"}).json()
    assert everything["total"] > chart["total"]  # the flagged copies of v1 and v2 are RUS-ARM
    assert len(rows_of(client.get("/api/export/dyad", params={**query, "format": fmt, "all_events": "true"}),
                       fmt)) == everything["total"]


def test_a_download_too_big_is_refused(parity_db):  # noqa: F811
    with TestClient(make_app(Settings(db=parity_db, max_export_rows=2)), base_url="http://localhost") as small:
        response = small.get("/api/export/events")
        assert response.status_code == 422 and "eventwire export" in response.json()["error"]["message"]
        assert small.get("/api/export/events", params={"country": "UKR"}).status_code == 200


def test_bad_formats_are_refused(client):
    assert client.get("/api/export/events", params={"format": "xlsx"}).status_code == 422
    assert client.get("/api/export/dyad", params={"a": "RUS", "b": "ARM", "what": "map"}).status_code == 422


def test_places_and_network_downloads(client):
    places = client.get("/api/places", params={"all_events": "true"}).json()
    assert places["located_events"] == sum(p["events"] for p in places["items"]) and places["items"]
    assert places["events_without_place"] == 0  # every sample event is located in Yerevan
    rows = rows_of(client.get("/api/export/places", params={"format": "csv", "all_events": "true"}), "csv")
    assert [(r["name"], int(r["events"])) for r in rows] == [(p["name"], p["events"]) for p in places["items"]]
    edges = client.get("/api/network").json()["edges"]
    rows = rows_of(client.get("/api/export/network", params={"format": "json"}), "json")
    assert rows == [{k: e[k] for k in ("source", "target", "events", "goldstein_mean")} for e in edges] and rows


def test_health_names_the_event_flags(client):
    assert {"negated", "hypothetical"} <= set(client.get("/api/health").json()["event_flags"])
