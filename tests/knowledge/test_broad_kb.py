"""The broad actor layer (data/actors/broad_*.tsv, from PETRARCH2's Phoenix dictionaries) and how layers merge."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.knowledge.actors import (
    DATA,
    Actor,
    KnowledgeBase,
    Role,
    actor_keys,
    layer_actors,
    load_broad_actors,
    load_default_kb,
    load_kb,
    name_key,
    reserved_keys,
)
from eventwire.knowledge.tables import read_rows

ROOT = Path(__file__).resolve().parents[2]
DICTIONARIES = ROOT.parent / "shared" / "data" / "petrarch2-dictionaries"
BROAD = ("broad_people.tsv", "broad_organisations.tsv")


def person(ident: str, name: str, *roles: Role, aliases: tuple[str, ...] = ()) -> Actor:
    return Actor(ident, name, aliases, roles, "person")


def test_the_upper_record_speaks_from_its_first_role_and_the_lower_fills_the_days_before() -> None:
    upper = person("ana-ruiz", "Ana Ruiz", Role("ESP", "GOV", "ESPGOV", "Prime Minister", date(2020, 1, 1),
                                               date(2022, 1, 1), "ours"))
    lower = person("px-ana-ruiz", "Ana Ruiz",
                   Role("ESP", "GOV", "ESPGOVBUS", None, date(2015, 1, 1), None, "theirs"),
                   Role("ESP", "ELI", "ESPELI", None, None, None, "theirs"), aliases=("Ana M. Ruiz",))
    (merged,) = layer_actors((upper,), (lower,), load_default_kb())
    assert merged.id == "ana-ruiz" and "Ana M. Ruiz" in merged.aliases
    assert merged.role_on(date(2016, 6, 1)).code == "ESPGOVBUS"  # before our first role: theirs
    assert merged.role_on(date(2016, 6, 1)).source == "theirs"
    assert merged.role_on(date(2010, 6, 1)).code == "ESPELI"
    assert merged.role_on(date(2021, 6, 1)).code == "ESPGOV"  # ours wins where both speak
    assert merged.role_on(date(2021, 6, 1)).source == "ours"
    # after our last role ours still speaks: a former prime minister, not their open-ended 2015 post
    assert merged.role_on(date(2023, 6, 1)).code == "ESPELI"
    assert merged.role_on(date(2023, 6, 1)).source == "ours"


def test_a_lower_actor_may_not_take_a_country_an_institution_or_an_upper_actors_name() -> None:
    kb = load_default_kb()
    upper = person("bo-lind", "Bo Lind", Role("SWE", "GOV", "SWEGOV"), aliases=("Lind",))
    lower = (
        person("px-jordan", "Jordan", Role("USA", "ELI", "USAELI")),  # a country's name: dropped
        person("px-kremlin", "Kremlin", Role("RUS", "GOV", "RUSGOV")),  # an institution's: dropped
        person("px-eva-lind", "Eva Lind", Role("SWE", "ELI", "SWEELI"), aliases=("Lind", "Georgia", "E. Lind")),
    )
    actors = layer_actors((upper,), lower, kb)
    assert [a.id for a in actors] == ["bo-lind", "px-eva-lind"]
    assert actors[1].aliases == ("E. Lind",)  # "Lind" is Bo's, "Georgia" a country's


def test_an_alias_alone_does_not_make_an_organisation_a_person() -> None:
    """PETRARCH files a spokesman under the body he speaks for: the body is not the man."""
    upper = person("tom-ash", "Tom Ash", Role("USA", "GOV", "USAGOV", "Spokesperson", date(2020, 1, 1)))
    body = Actor("px-navy", "Example Navy", ("Tom Ash", "Exnav"), (Role("USA", "MIL", "USAMIL"),), "organisation")
    actors = layer_actors((upper,), (body,), load_default_kb())
    assert [a.id for a in actors] == ["tom-ash", "px-navy"]
    assert actors[0].roles == upper.roles and actors[1].aliases == ("Exnav",)


def test_no_broad_name_is_a_post_or_a_place() -> None:
    keys = {k for a in load_broad_actors() for k in actor_keys(a)}
    for post in ("secretary of state", "us secretary of state", "german chancellor", "white house", "west point"):
        assert post not in keys


def test_no_broad_name_is_a_country_capital_demonym_institution_or_a_curated_name() -> None:
    kb = load_kb()
    curated = load_default_kb()
    taken = reserved_keys(curated)
    curated_ids = {a.id for a in curated.actors}
    curated_keys = {k for a in curated.actors for k in actor_keys(a)}
    for actor in kb.actors:
        if actor.id in curated_ids:
            continue
        keys = actor_keys(actor)
        assert not set(keys) & taken, actor
        assert not set(keys) & curated_keys, actor


def test_one_word_broad_names_belong_to_one_actor() -> None:
    owners: dict[str, str] = {}
    for actor in load_broad_actors():
        for key in {k for k in actor_keys(actor) if " " not in k}:
            assert owners.setdefault(key, actor.id) == actor.id, (key, owners[key], actor.id)


def test_every_broad_row_names_its_source_and_its_code_is_well_formed() -> None:
    countries = {c.iso3 for c in load_default_kb().countries}
    for name in BROAD:
        for row in read_rows(DATA / name):
            assert row["source"].startswith("phoenix:"), row
            assert not row["country"] or row["country"] in countries, row
            assert row["code"] or (row["country"] and row["sector"]), row
            assert not row["start"] or not row["end"] or row["start"] <= row["end"], row


def test_the_broad_files_stay_small() -> None:
    """docs/knowledge-base.md gives the sizes: about 34,000 rows and 3 MB; the bound leaves room to grow."""
    size = sum((Path(str(DATA)) / n).stat().st_size for n in BROAD)
    rows = sum(1 for n in BROAD for _ in read_rows(DATA / n))
    assert size < 4_000_000 and rows < 45_000


def test_the_layer_can_be_left_out() -> None:
    assert len(load_kb(broad=False).actors) == len(load_default_kb().actors)
    assert len(load_kb().actors) > 10 * len(load_default_kb().actors)


def test_duplicates_across_the_dictionaries_are_one_actor() -> None:
    """Ban Ki-moon is in the country and the international dictionaries, and in our table: one actor."""
    assert sum(1 for a in load_broad_actors() if name_key("Ban Ki-moon") in actor_keys(a)) == 1
    bans = [a for a in load_kb().actors if name_key("Ban Ki-moon") in actor_keys(a)]
    assert [a.id for a in bans] == ["ban-ki-moon"]


@pytest.mark.skipif(not DICTIONARIES.is_dir(), reason="PETRARCH2 dictionaries not in ../shared")
def test_the_committed_tables_are_what_the_build_script_writes() -> None:
    spec = importlib.util.spec_from_file_location("build_broad_kb", ROOT / "scripts" / "build_broad_kb.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    files, counts = module.build(DICTIONARIES)
    for name, text in files.items():
        assert (Path(str(DATA)) / name).read_text(encoding="utf-8") == text, f"{name} is stale: run the script"
    assert counts["people"] > 10_000 and counts["organisations"] > 5_000


# ---------------------------------------------------------------- on the record (sentences of our own)


@pytest.mark.parametrize(("text", "name", "code"), [
    ("The Free Syrian Army said on Tuesday that it had shelled an army base.", "Free Syrian Army", "SYRREB"),
    ("The Islamic Army in Iraq said it would keep fighting.", "Islamic Army in Iraq", "IRQREB"),
    ("Exxon Mobil said it would sell two refineries.", "Exxon Mobil", "MNCUSA"),
    ("Nilda Garre said the army would help after the floods.", "Nilda Garre", "ARGGOVMIL"),
])
def test_broad_actors_are_coded_on_the_record(coder, text: str, name: str, code: str) -> None:
    mentions = coder.code(text, published="2012-03-01").to_dict()["mentions"]
    assert [(m["text"], m["code"]) for m in mentions if m["text"] == name] == [(name, code)]


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Jordan said it would close the border.", "Jordan", "JOR"),
    ("Chad and Niger signed a water treaty.", "Chad", "TCD"),
    ("Georgia accused Russia of moving the border.", "Georgia", "GEO"),
    ("The Kremlin said the talks were useful.", "Kremlin", "RUSGOV"),
])
def test_countries_and_institutions_keep_their_codes(coder, text: str, name: str, code: str) -> None:
    mentions = coder.code(text, published="2012-03-01").to_dict()["mentions"]
    assert (name, code) in [(m["text"], m["code"]) for m in mentions]


def test_a_curated_person_is_one_actor_with_the_broad_roles_before_ours(coder) -> None:
    kb: KnowledgeBase = coder.kb
    kocharyan = [a for a in kb.actors if a.name == "Robert Kocharyan"]
    assert len(kocharyan) == 1
    # Prime Minister of Armenia 1997-98 (PETRARCH2's dictionary), before our first row (President from 1998-04-09)
    assert kocharyan[0].role_on(date(1997, 6, 1)).code == "ARMGOV"
    assert kocharyan[0].role_on(date(1997, 6, 1)).source == "phoenix:Countries"
