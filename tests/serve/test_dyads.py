"""GET /api/dyads, /api/dyads/events and /api/network."""

from __future__ import annotations


def test_dyad_series_by_day(client):
    body = client.get("/api/dyads?a=RUS&b=ARM&interval=day").json()
    assert body["total"] == 2 and body["goldstein_mean"] == -2.0
    assert [p["period"] for p in body["series"]] == ["2024-08-20", "2024-08-23"]
    assert body["series"][0]["quad"]["3"] == 1 and body["series"][0]["conflict"] == 1


def test_dyad_series_by_week_and_month(client):
    week = client.get("/api/dyads?a=ARM&b=RUS&interval=week").json()
    assert [p["period"] for p in week["series"]] == ["2024-08-19"]  # the Monday
    month = client.get("/api/dyads?a=RUS&b=ARM&interval=month").json()
    assert month["series"][0]["period"] == "2024-08" and month["series"][0]["total"] == 2


def test_directed_dyad_and_actor_codes(client):
    assert client.get("/api/dyads?a=ARM&b=RUS&directed=true").json()["total"] == 0
    assert client.get("/api/dyads?a=RUSGOV&b=ARM&kind=actor").json()["total"] == 2


def test_dyad_events(client):
    body = client.get("/api/dyads/events?a=RUS&b=ARM&quad_class=3").json()
    assert [e["id"] for e in body["items"]] == ["a1-E1", "a2-E1"]


def test_network(client):
    body = client.get("/api/network").json()
    assert body["edges"] == [{"source": "RUS", "target": "ARM", "events": 2, "goldstein_mean": -2.0}]
    assert {n["id"] for n in body["nodes"]} == {"RUS", "ARM"}
