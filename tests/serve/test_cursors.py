"""Forged cursors on every paginated endpoint: each a 400 JSON error, never a 500, and good cursors still page."""

from __future__ import annotations

import base64
import json
import random

import pytest

from eventwire.serve.cursor import decode_cursor, encode_cursor
from eventwire.serve.errors import ApiError

# Every paginated endpoint, with the shape of its cursor (as the route decodes it).
PAGED = {
    "/api/events?": ("day", "int"),
    "/api/dyads/events?a=RUS&b=ARM&": ("day", "int"),
    "/api/clusters?": ("day", "str"),
    "/api/articles?": ("day", "str"),
    "/api/quotes?": ("int",),
}
HUGE = [2**63, -(2**63) - 1, 2**64, 2**70, -(2**70), 10**100, -(10**100)]


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def forge(*key: object) -> str:
    return b64(json.dumps(list(key)).encode())


def forged_for(shape: tuple[str, ...]) -> list[str]:
    """Cursors an attacker might send to an endpoint whose cursor has ``shape``: out-of-range integers in
    each integer part, text SQLite cannot store, wrong types and lengths, and bytes that are not one."""
    good = {"day": "2024-08-20", "int": 1, "str": "a" * 64}
    base = [good[p] for p in shape]
    out: list[str] = []
    for i, part in enumerate(shape):
        bad = [*HUGE, 1.5, 1e308, True, [], {}, [1], "\ud800", "x\udfffy", "a\x00b", "d" * 101]
        if part == "int":
            bad += ["12", "2024-08-20"]
        else:
            bad += [*HUGE, 7]
        for value in bad:
            out.append(forge(*base[:i], value, *base[i + 1:]))
    out += [forge(), forge(*base, 1), forge(*base[:-1]), b64(b'{"day": 1}'), b64(b"null"), b64(b"12"),
            b64(b'"text"'), b64(b"NaN"), b64(b"[Infinity]"), b64(b"[-Infinity, 1]"), b64(b"\xff\xfe\x00"),
            b64(b"[" * 140), b64(b'["\\ud800", 1]'), "", "=", "====", "a", "!!!!", "abc+/", "a" * 201,
            "not-a-real-cursor", "WzEsMiwzXQ", b64("[\"2024\u00e9\", 1]".encode("utf-16"))]
    out += [forge(*[rng_value(random.Random(seed)) for _ in shape]) for seed in range(60)]
    return out


def rng_value(rng: random.Random) -> object:
    """A random JSON value, biased to the integers and text that break SQL bindings."""
    pick = rng.randrange(6)
    if pick == 0:
        return rng.choice([1, -1]) * rng.randrange(2**63, 2**90)
    if pick == 1:
        return "".join(chr(rng.choice([rng.randrange(0xD800, 0xE000), rng.randrange(32, 127)])) for _ in range(5))
    if pick == 2:
        return rng.random() * 10 ** rng.randrange(300)
    if pick == 3:
        return [rng_value(rng)]
    if pick == 4:
        return {"k": rng.randrange(10)}
    return rng.choice([None, True, False])


def is_valid(shape: tuple[str, ...], cursor: str) -> bool:
    """Whether our decoder should accept it (a few random keys are legitimately well formed)."""
    kinds = tuple(int if p == "int" else str for p in shape)
    try:
        decode_cursor(cursor, kinds)
    except ApiError:
        return False
    return True


@pytest.mark.parametrize("endpoint", list(PAGED))
def test_every_forged_cursor_is_a_400(client, endpoint):
    forged = forged_for(PAGED[endpoint])
    refused = 0
    for cursor in forged:
        response = client.get(f"{endpoint}cursor={cursor}")
        if is_valid(PAGED[endpoint], cursor):  # e.g. [None, None]: a page after "nothing", empty or not
            assert response.status_code == 200, (cursor, response.text)
            continue
        refused += 1
        assert response.status_code == 400, (cursor, response.status_code, response.text)
        error = response.json()["error"]
        assert error["status"] == 400 and "invalid cursor" in error["message"]
    assert refused >= len(forged) - 10  # nearly all of them are forged
    assert client.get(endpoint.rstrip("?&")).status_code == 200  # and the server still answers


@pytest.mark.parametrize("value", HUGE)
def test_out_of_range_integers_are_refused_by_the_decoder(value):
    with pytest.raises(ApiError) as err:
        decode_cursor(forge("2024-08-20", value), (str, int))
    assert err.value.status == 400


def test_the_largest_sqlite_integers_are_still_cursors(client):
    for key in (2**63 - 1, -(2**63)):
        assert decode_cursor(forge("2024-08-20", key), (str, int)) == ("2024-08-20", key)
        response = client.get(f"/api/events?cursor={forge('2024-08-20', key)}")
        assert response.status_code == 200, response.text


def test_real_cursors_still_page_through_everything(client):
    seen, cursor = [], None
    while True:
        body = client.get("/api/events", params={"limit": 1, **({"cursor": cursor} if cursor else {})}).json()
        seen += [e["key"] for e in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == len(client.get("/api/events").json()["items"]) >= 2
    assert decode_cursor(encode_cursor("2024-08-20", 5), (str, int)) == ("2024-08-20", 5)
