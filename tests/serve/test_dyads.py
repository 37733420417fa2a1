"""GET /api/dyads, /api/dyads/events and /api/network."""

from __future__ import annotations


def test_dyad_series_by_day(client):
    body = client.get("/api/dyads?a=RUS&b=ARM&interval=day").json()
    assert body["total"] == 2 and body["goldstein_mean"] == -2.0
    # every day from the first to the last, the days without events as zeros
    assert [p["period"] for p in body["series"]] == ["2024-08-20", "2024-08-21", "2024-08-22", "2024-08-23"]
    assert [p["total"] for p in body["series"]] == [1, 0, 0, 1]
    assert body["series"][0]["quad"]["3"] == 1 and body["series"][0]["conflict"] == 1
    assert body["series"][1]["goldstein_mean"] is None and body["series"][1]["quad"]["3"] == 0
    assert [p["articles"] for p in body["series"]] == [1, 0, 0, 1] and body["articles"] == 2
    assert [p["per_100_articles"] for p in body["series"]] == [100.0, None, None, 100.0]


def test_dyad_series_covers_the_window_asked_for(client):
    body = client.get("/api/dyads?a=RUS&b=ARM&interval=month&since=2024-06-15&until=2024-10-02").json()
    assert [p["period"] for p in body["series"]] == ["2024-06", "2024-07", "2024-08", "2024-09", "2024-10"]
    assert [p["total"] for p in body["series"]] == [0, 0, 2, 0, 0]
    weeks = client.get("/api/dyads?a=RUS&b=ARM&interval=week&since=2024-08-01&until=2024-08-31").json()
    assert [p["period"] for p in weeks["series"]] == ["2024-07-29", "2024-08-05", "2024-08-12", "2024-08-19",
                                                      "2024-08-26"]
    assert client.get("/api/dyads?a=USA&b=CHN&interval=day").json()["total"] == 0  # zeros, still a series


def test_a_series_too_long_is_refused(client):
    response = client.get("/api/dyads?a=RUS&b=ARM&interval=day&since=1900-01-01&until=2024-01-01")
    assert response.status_code == 422 and "periods" in response.json()["error"]["message"]


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


def test_dyad_clusters_and_cluster_counts(client):
    body = client.get("/api/dyads/clusters?a=RUS&b=ARM").json()
    assert body["items"] and all(c["num_articles"] >= 1 and c["members"] for c in body["items"])
    members = [m for c in body["items"] for m in c["members"]]
    assert sorted(m["id"] for m in members) == ["a1-E1", "a2-E1"]
    assert all(m["evidence"] and m["key"] for m in members)  # each evidence sentence, with its event key
    series = client.get("/api/dyads?a=RUS&b=ARM&interval=day&clusters=true").json()
    assert series["clusters"] == len(body["items"])
    assert all(p["clusters"] <= p["total"] for p in series["series"])
    assert "clusters" not in client.get("/api/dyads?a=RUS&b=ARM").json()["series"][0]
