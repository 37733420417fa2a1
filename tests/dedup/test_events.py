"""Event clusters on constructed events: one event from three outlets merges; different events stay apart."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from eventwire.dedup import EventMention, cluster_articles, merge_events
from eventwire.records import ActorMention, Event, Place, Plover, Span
from tests.dedup.stories import OUTLETS


def actor(code: str) -> ActorMention:
    return ActorMention(0, 3, code, code.lower(), code, code, code[:3], code[3:] or None, None, "country")


def place(name: str, geonameid: int | None = None) -> Place:
    return Place(0, 6, name, name, "RUS", None, None, geonameid, "city")


def event(cameo: str = "112", source: str = "RUSGOV", target: str | None = "ARM", day: str | None = "2024-08-20",
          location: Place | None = None, negated: bool = False, n: int = 1, precision: str = "day") -> Event:
    return Event(
        id=f"E{n}", start=0, end=40, trigger=Span(10, 18, "accused"), source=actor(source),
        target=actor(target) if target else None, cameo=cameo, plover=Plover("ACCUSE", None), goldstein=-2.0,
        quad_class=3, date=day, date_precision=precision if day else None, location=location, negated=negated,
        hypothetical=False, quote_id=None, confidence=0.8,
    )


def test_one_event_in_three_outlets_is_one_cluster_with_three_articles_and_sources():
    stories = cluster_articles([(f"{o}-1", text) for o, (_, text) in OUTLETS.items()])
    items = [(f"{o}-1", o.title(), event(location=place("Moscow"))) for o in OUTLETS]
    (cluster,) = merge_events(items, article_clusters=stories)
    assert (cluster.num_mentions, cluster.num_articles, cluster.num_sources, cluster.num_stories) == (3, 3, 3, 1)
    assert cluster.sources == ("Courier", "Gazette", "Herald") and cluster.location == "Moscow"
    assert cluster.why[0] == "key matched: source=RUSGOV target=ARM cameo=112 date=2024-08-20"
    assert cluster.why[1] == "location: Moscow"
    assert sum("near-duplicate" in line for line in cluster.why) == 2
    json.dumps(cluster.to_dict())  # every mention, with its evidence, is kept and serialisable


@pytest.mark.parametrize("other", [
    event(cameo="111"), event(target="AZE"), event(source="ARMGOV"), event(day="2024-08-27"),
    event(negated=True), event(location=place("Sochi")),
], ids=["code", "target", "source", "day", "negated", "place"])
def test_different_events_stay_apart(other):
    clusters = merge_events([("a", "Courier", event(location=place("Moscow"))), ("b", "Gazette", other)])
    assert [c.num_articles for c in clusters] == [1, 1]
    assert len({c.id for c in clusters}) == 2


def test_a_week_window_merges_days_of_one_iso_week():
    items = [("a", "Courier", event(day="2024-08-19")), ("b", "Gazette", event(day="2024-08-23"))]
    assert len(merge_events(items)) == 2
    (week,) = merge_events(items, window="week")
    assert week.key.date == "2024-W34" and week.num_sources == 2
    with pytest.raises(ValueError):
        merge_events(items, window="month")


def test_an_unplaced_mention_joins_the_only_known_place_and_not_an_ambiguous_one():
    (one,) = merge_events([("a", "A", event(location=place("Moscow"))), ("b", "B", event())])
    assert one.num_articles == 2 and "without a location joined" in one.why[1]
    many = merge_events([("a", "A", event(location=place("Moscow"))), ("b", "B", event(location=place("Sochi"))),
                         ("c", "C", event())])
    assert [(c.location, c.article_ids) for c in many] == [("Moscow", ("a",)), ("Sochi", ("b",)), (None, ("c",))]


def test_places_are_told_apart_by_geonames_id_when_known():
    country, state = place("Georgia", 614540), place("Georgia", 4197000)
    items = [("a", "A", event(location=country)), ("b", "B", event(location=state))]
    assert len(merge_events(items)) == 2


def test_undated_events_take_the_publication_day_or_are_never_merged():
    dated = merge_events([("a", "A", event(day=None), "2024-08-20"), ("b", "B", event())])
    assert len(dated) == 1 and any("took their article's" in line for line in dated[0].why)
    alone = merge_events([("a", "A", event(day=None)), ("b", "B", event(day=None))])
    assert [c.num_mentions for c in alone] == [1, 1] and alone[0].why[0].startswith("not merged")


def test_mentions_counts_repeats_within_an_article():
    (cluster,) = merge_events([EventMention("a", "A", event(n=1)), EventMention("a", "A", event(n=2))])
    assert (cluster.num_mentions, cluster.num_articles, cluster.num_sources) == (2, 1, 1)


def test_cluster_ids_are_stable_as_mentions_arrive():
    first = merge_events([("a", "A", event())])[0].id
    assert merge_events([("a", "A", event()), ("b", "B", event())])[0].id == first


@pytest.mark.slow
def test_coded_outlets_merge_into_one_event(coder):
    records = [coder.code(text, published="2024-08-20", title=title, id=f"{o}-1")
               for o, (title, text) in OUTLETS.items()]
    items = [(r.article.id, o, e) for o, r in zip(OUTLETS, records, strict=True) for e in r.events]
    accusations = [c for c in merge_events(items) if c.key.cameo == "112"]
    assert len(accusations) == 1 and accusations[0].num_sources == 3


def party(name: str) -> ActorMention:
    """An uncoded party as actors/parties.py makes one: no code, ``basis`` "text", its id from its name."""
    ident = name.lower().replace(" ", "-")
    return ActorMention(0, len(name), name, ident, name, None, None, None, None, "person", basis="text")


def arrest(target: ActorMention, n: int = 1) -> Event:
    """Police (coded) arrest an uncoded party on one day."""
    return replace(event(cameo="173", source="PER", target=None, n=n), target=target)


def test_different_uncoded_targets_are_different_events():
    items = [("a", "A", arrest(party("Lucia Ferreyra"))), ("b", "B", arrest(party("Tomas Ibarguen")))]
    clusters = merge_events(items)
    assert [c.num_mentions for c in clusters] == [1, 1] and clusters[0].id != clusters[1].id
    assert clusters[0].key == clusters[1].key  # the stored key holds codes only; the party tells them apart
    assert clusters[0].why[0] == "key matched: source=PER target=text:lucia-ferreyra cameo=173 date=2024-08-20"


def test_the_same_uncoded_target_in_two_articles_is_one_event():
    items = [("a", "A", arrest(party("Lucia Ferreyra"))), ("b", "B", arrest(party("Lucia Ferreyra"), n=2))]
    (cluster,) = merge_events(items)
    assert (cluster.num_mentions, cluster.num_articles) == (2, 2)


def test_uncoded_sources_are_told_apart_too():
    one = replace(event(cameo="112", target="NGA"), source=party("Idris Okonkwo"))
    other = replace(event(cameo="112", target="NGA", n=2), source=party("Chidi Balogun"))
    again = replace(event(cameo="112", target="NGA", n=3), source=party("Idris Okonkwo"))
    clusters = merge_events([("a", "A", one), ("b", "B", other), ("c", "C", again)])
    assert [c.num_mentions for c in clusters] == [2, 1]
    assert clusters[0].why[0].startswith("key matched: source=text:idris-okonkwo target=NGA ")


def test_coded_cluster_ids_and_reasons_are_unchanged_by_party_keys():
    items = [("a", "A", event(location=place("Moscow"))), ("b", "B", event(location=place("Moscow"), n=2))]
    (cluster,) = merge_events(items)
    assert cluster.id == "EC-2370aebe1df41c24"  # as before uncoded parties had keys of their own
    assert cluster.why[0] == "key matched: source=RUSGOV target=ARM cameo=112 date=2024-08-20"
