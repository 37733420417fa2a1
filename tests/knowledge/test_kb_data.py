"""Checks on the shipped actor knowledge base (src/eventwire/data/actors), read through the real loader."""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from eventwire.knowledge.actors import DATA, Actor, KnowledgeBase, load_default_kb
from eventwire.knowledge.tables import read_rows

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "knowledge-base.md"
BUILD_SCRIPT = ROOT / "scripts" / "build_countries.py"

# The documented sector codes (docs/knowledge-base.md, "Sector codes"). Keep both in step.
SECTOR_CODES = frozenset(
    "GOV MIL COP JUD LEG SPY MED OPP PTY REB SEP UAF BUS CVL EDU LAB REL HLH REF AGR CRM ELI IGO NGO IMG".split()
)

# Aliases deliberately shared by two people. Empty today: clashing surnames go to one person only.
SHARED_ALIAS_ALLOWED: dict[str, set[str]] = {}

# Countries whose heads and foreign ministers are tracked back to 2000.
TRACKED = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA ARM AZE GEO IRN".split()
)
HEAD_ROLES = frozenset({
    "President", "Acting President", "Prime Minister", "Acting Prime Minister", "Chancellor", "Premier",
    "Monarch", "Emperor", "Supreme Leader", "State Minister",
})
FOREIGN_MINISTER = {"Minister of Foreign Affairs", "Acting Minister of Foreign Affairs"}
# (country, 1 January of year) on which no foreign minister is recorded, with the reason.
FOREIGN_MINISTER_GAPS = {("ARG", 2002): "Argentina's week of interim presidents, December 2001 - January 2002"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_default_kb()


@pytest.fixture(scope="module")
def people(kb: KnowledgeBase) -> dict[str, Actor]:
    return {a.id: a for a in kb.actors if a.kind == "person"}


def raw(name: str) -> list[dict[str, str]]:
    return list(read_rows(DATA / name))


# ---------------------------------------------------------------- countries


def test_country_codes_are_well_formed_and_unique(kb: KnowledgeBase) -> None:
    iso3 = [c.iso3 for c in kb.countries]
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in iso3)
    assert len(iso3) == len(set(iso3))
    iso2 = [c.iso2 for c in kb.countries if c.iso2]
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in iso2)
    assert len(iso2) == len(set(iso2))
    assert len(kb.countries) >= 250  # all of ISO 3166-1 plus Kosovo
    assert {"XKX", "PSE", "TWN", "RUS", "ARM", "AZE", "GEO"} <= set(iso3)


def test_every_country_has_a_source_and_names_without_tabs_or_pipes() -> None:
    for row in raw("countries.tsv"):
        assert row["source"], row["iso3"]
        assert row["name"] and "|" not in row["name"]


def test_country_names_aliases_and_demonyms_point_to_one_country(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for c in kb.countries:
        for form in {c.name, *c.aliases, *c.demonyms}:
            owners[form].add(c.iso3)
    shared = {form: codes for form, codes in owners.items() if len(codes) > 1}
    assert not shared


def test_capitals_are_unique(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for c in kb.countries:
        for form in {c.capital, *c.capital_aliases} - {None}:
            owners[form].add(c.iso3)
    assert not {form: codes for form, codes in owners.items() if len(codes) > 1}


@pytest.mark.parametrize(
    ("iso3", "alias", "demonym", "capital"),
    [
        ("RUS", "Russia", "Russians", "Moscow"),
        ("USA", "U.S.", "American", "Washington, D.C."),
        ("GBR", "Britain", "Briton", "London"),
        ("ARM", None, "Armenian", "Yerevan"),
        ("AZE", None, "Azeri", "Baku"),
        ("GEO", None, "Georgian", "Tbilisi"),
        ("TUR", "Turkey", "Turkish", "Ankara"),
        ("IRN", "Islamic Republic of Iran", "Iranians", "Tehran"),
        ("KOR", "Korea, Republic of", "South Korean", "Seoul"),
        ("CIV", "Ivory Coast", "Ivorian", "Yamoussoukro"),
        ("XKX", None, "Kosovar", "Pristina"),
    ],
)
def test_common_country_forms(kb: KnowledgeBase, iso3: str, alias: str | None, demonym: str, capital: str) -> None:
    c = kb.country(iso3)
    assert c is not None
    if alias:
        assert alias in c.aliases or alias == c.name
    assert demonym in c.demonyms
    assert c.capital == capital


def test_capital_spellings(kb: KnowledgeBase) -> None:
    assert "Kiev" in kb.country("UKR").capital_aliases
    assert "Teheran" in kb.country("IRN").capital_aliases
    assert "Peking" in kb.country("CHN").capital_aliases


def test_ambiguous_forms_are_left_out(kb: KnowledgeBase) -> None:
    every = {form for c in kb.countries for form in (c.name, *c.aliases, *c.demonyms)}
    for word in ("us", "Korea", "Korean", "CAR", "Central African", "England", "Virgin Islands"):
        assert word not in every


def test_countries_file_matches_build_script() -> None:
    pytest.importorskip("pycountry")
    spec = importlib.util.spec_from_file_location("build_countries", BUILD_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (DATA / "countries.tsv").read_text(encoding="utf-8")
    assert committed == module.build_text(), "countries.tsv is stale: run scripts/build_countries.py"


# ---------------------------------------------------------------- sectors, institutions


def test_sector_codes_are_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for code in SECTOR_CODES:
        assert f"`{code}`" in text, code


def test_sector_phrases(kb: KnowledgeBase) -> None:
    phrases = [s.phrase for s in kb.sectors]
    assert len(phrases) == len(set(phrases))
    assert all(p == p.lower() and p.strip() == p for p in phrases)
    assert {s.sector for s in kb.sectors} <= SECTOR_CODES
    by_phrase = {s.phrase: s for s in kb.sectors}
    assert by_phrase["foreign ministry"].role == "Ministry of Foreign Affairs"
    assert by_phrase["troops"].sector == "MIL"
    assert by_phrase["side"].sector == "GOV"


def test_institutions(kb: KnowledgeBase) -> None:
    iso3 = {c.iso3 for c in kb.countries}
    phrases = [i.phrase for i in kb.institutions]
    assert len(phrases) == len(set(phrases))
    for inst in kb.institutions:
        assert inst.country in iso3, inst
        assert inst.sector in SECTOR_CODES, inst
        assert inst.name, inst
    by_phrase = {i.phrase: i for i in kb.institutions}
    assert (by_phrase["Kremlin"].country, by_phrase["Kremlin"].sector) == ("RUS", "GOV")
    assert by_phrase["Kremlin"].name == "Government of Russia"
    assert (by_phrase["Pentagon"].country, by_phrase["Pentagon"].sector) == ("USA", "MIL")
    assert (by_phrase["Knesset"].country, by_phrase["Knesset"].sector) == ("ISR", "LEG")


# ---------------------------------------------------------------- actors


def test_actor_files_have_the_same_columns() -> None:
    columns = ["id", "name", "aliases", "code", "country", "sector", "role", "start", "end", "source"]
    for name in ("people.tsv", "organisations.tsv"):
        rows = raw(name)
        assert rows and list(rows[0]) == columns, name
        assert all(r["source"] for r in rows), name


def test_rows_of_one_actor_repeat_its_name() -> None:
    for name in ("people.tsv", "organisations.tsv"):
        names: dict[str, str] = {}
        for r in raw(name):
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]), r["id"]
            assert names.setdefault(r["id"], r["name"]) == r["name"], r["id"]


def test_role_codes_match_country_and_sector(kb: KnowledgeBase) -> None:
    iso3 = {c.iso3 for c in kb.countries}
    for actor in kb.actors:
        assert actor.roles, actor.id
        for role in actor.roles:
            assert role.sector in SECTOR_CODES, (actor.id, role)
            if role.country:
                assert role.country in iso3, (actor.id, role)
                assert role.code.startswith(role.country), (actor.id, role)
                # country + sector, with an optional CAMEO-style three-letter tertiary code ("PSEREBHAM")
                assert re.fullmatch(re.escape(role.country + role.sector) + r"([A-Z]{3})?", role.code), (actor.id, role)
            else:
                assert re.fullmatch(r"(IGO|NGO|IMG)[A-Z]{3}([A-Z]{3})?", role.code), (actor.id, role)
                assert role.code.startswith(role.sector), (actor.id, role)


def test_no_role_ends_before_it_starts(kb: KnowledgeBase) -> None:
    for actor in kb.actors:
        for role in actor.roles:
            if role.start and role.end:
                assert role.start <= role.end, (actor.id, role)


def test_igo_and_ngo_codes_name_one_organisation(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in kb.actors:
        if actor.kind == "organisation" and not actor.roles[0].country:
            owners[actor.roles[0].code].add(actor.id)
    assert not {code: ids for code, ids in owners.items() if len(ids) > 1}
    for person in (a for a in kb.actors if a.kind == "person"):
        for role in person.roles:
            if not role.country:
                assert role.code in owners, (person.id, role.code)


def test_no_alias_is_shared_by_two_people(people: dict[str, Actor]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in people.values():
        for form in {person.name, *person.aliases}:
            owners[form].add(person.id)
    shared = {
        form: ids for form, ids in owners.items()
        if len(ids) > 1 and ids != SHARED_ALIAS_ALLOWED.get(form)
    }
    assert not shared


def test_people_do_not_use_country_names(kb: KnowledgeBase, people: dict[str, Actor]) -> None:
    country_forms = set()
    for c in kb.countries:
        country_forms |= {c.name, *c.aliases, *c.demonyms, *c.capital_aliases}
        if c.capital:
            country_forms.add(c.capital)
    for person in people.values():
        assert not ({person.name, *person.aliases} & country_forms), person.id


# ---------------------------------------------------------------- roles on a date


def test_lavrov(people: dict[str, Actor]) -> None:
    lavrov = people["sergey-lavrov"]
    role = lavrov.role_on(date(2024, 8, 23))
    assert (role.code, role.role) == ("RUSGOV", "Minister of Foreign Affairs")
    assert not any(r.role == "Minister of Foreign Affairs" and r.holds_on(date(2003, 1, 1)) for r in lavrov.roles)
    assert lavrov.role_on(date(2003, 1, 1)).role != "Minister of Foreign Affairs"
    assert {"Lavrov", "Sergei Lavrov"} <= set(lavrov.aliases)


def test_putin_moves_between_president_and_prime_minister(people: dict[str, Actor]) -> None:
    putin = people["vladimir-putin"]
    assert putin.role_on(date(1999, 9, 1)).role == "Prime Minister"
    assert putin.role_on(date(2005, 1, 1)).role == "President"
    assert putin.role_on(date(2010, 1, 1)).role == "Prime Minister"
    assert putin.role_on(date(2024, 8, 23)).role == "President"
    assert putin.role_on(None).role == "President"
    assert all(r.code == "RUSGOV" for r in putin.roles)


@pytest.mark.parametrize(
    ("pid", "day", "code", "role"),
    [
        ("nikol-pashinyan", date(2018, 5, 8), "ARMGOV", "Prime Minister"),
        ("nikol-pashinyan", date(2024, 8, 23), "ARMGOV", "Prime Minister"),
        ("ilham-aliyev", date(2003, 10, 31), "AZEGOV", "President"),
        ("ilham-aliyev", date(2024, 8, 23), "AZEGOV", "President"),
        ("maria-zakharova", date(2015, 8, 10), "RUSGOV", "Spokesperson of the Ministry of Foreign Affairs"),
        ("ararat-mirzoyan", date(2024, 8, 23), "ARMGOV", "Minister of Foreign Affairs"),
        ("jeyhun-bayramov", date(2024, 8, 23), "AZEGOV", "Minister of Foreign Affairs"),
        ("george-w-bush", date(2008, 6, 1), "USAGOV", "President"),
        ("dmitry-medvedev", date(2009, 6, 1), "RUSGOV", "President"),
        ("dmitry-medvedev", date(2015, 6, 1), "RUSGOV", "Prime Minister"),
        ("recep-tayyip-erdogan", date(2010, 1, 1), "TURGOV", "Prime Minister"),
        ("ban-ki-moon", date(2010, 1, 1), "IGOUNO", "Secretary-General of the United Nations"),
        ("ursula-von-der-leyen", date(2024, 1, 1), "IGOEECCOM", "President of the European Commission"),
        ("jens-stoltenberg", date(2020, 1, 1), "IGONAT", "Secretary General of NATO"),
    ],
)
def test_role_on_date(people: dict[str, Actor], pid: str, day: date, code: str, role: str) -> None:
    held = people[pid].role_on(day)
    assert (held.code, held.role) == (code, role)


def holders(people: dict[str, Actor], country: str, roles: set[str] | frozenset[str], day: date) -> list[str]:
    return [
        p.id for p in people.values()
        if any(r.country == country and r.role in roles and r.holds_on(day) for r in p.roles)
    ]


@pytest.mark.parametrize("country", TRACKED)
def test_tracked_countries_have_heads_and_foreign_ministers_since_2000(
    people: dict[str, Actor], country: str
) -> None:
    for year in range(2001, 2026):
        day = date(year, 1, 1)
        assert holders(people, country, HEAD_ROLES, day), (country, day)
        if (country, year) not in FOREIGN_MINISTER_GAPS:
            assert holders(people, country, FOREIGN_MINISTER, day), (country, day)
    assert holders(people, country, HEAD_ROLES, date(2025, 7, 31))
    assert len(holders(people, country, {"Minister of Foreign Affairs"}, date(2025, 7, 31))) == 1


# ---------------------------------------------------------------- changes of office after 2025-07-31

AFTER = date(2026, 1, 10)  # a day well after the 2025 changes of office


@pytest.mark.parametrize(
    ("pid", "day", "code", "role"),
    [
        ("sanae-takaichi", AFTER, "JPNGOV", "Prime Minister"),
        ("toshimitsu-motegi", AFTER, "JPNGOV", "Minister of Foreign Affairs"),
        ("yvette-cooper", date(2026, 3, 1), "GBRGOV", "Minister of Foreign Affairs"),
        ("sebastien-lecornu", AFTER, "FRAGOV", "Prime Minister"),
        ("karol-nawrocki", AFTER, "POLGOV", "President"),
        ("pablo-quirno", AFTER, "ARGGOV", "Minister of Foreign Affairs"),
        ("andrej-babis", AFTER, "CZEGOV", "Prime Minister"),
        ("mojtaba-khamenei", date(2026, 6, 1), "IRNGOV", "Supreme Leader"),
        ("delcy-rodriguez", date(2026, 2, 1), "VENGOV", "Acting President"),
        ("rumen-radev", date(2026, 3, 1), "BGRELI", "former President"),  # between his two posts
        ("rumen-radev", date(2026, 6, 1), "BGRGOV", "Prime Minister"),
        ("david-lammy", AFTER, "GBRGOV", "Deputy Prime Minister"),
    ],
)
def test_role_after_the_2025_2026_changes(people: dict[str, Actor], pid: str, day: date, code: str, role: str) -> None:
    held = people[pid].role_on(day)
    assert (held.code, held.role) == (code, role)


def test_ishiba_is_no_longer_prime_minister_in_2026(people: dict[str, Actor]) -> None:
    ishiba = people["shigeru-ishiba"]
    # A former office-holder is one of his country's elite from the day after his last role ended.
    held = ishiba.role_on(AFTER)
    assert (held.code, held.sector, held.role) == ("JPNELI", "ELI", "former Prime Minister")
    assert held.start == date(2025, 10, 22) and held.holds_on(AFTER)
    assert ishiba.role_on(date(2025, 10, 21)).code == "JPNGOV"
    assert not any(r.holds_on(None) for r in ishiba.roles)
    assert holders(people, "JPN", {"Prime Minister"}, AFTER) == ["sanae-takaichi"]
    assert holders(people, "JPN", {"Prime Minister"}, date(2025, 10, 1)) == ["shigeru-ishiba"]
    # On the handover day both match (ends are inclusive).
    assert set(holders(people, "JPN", {"Prime Minister"}, date(2025, 10, 21))) == {"shigeru-ishiba", "sanae-takaichi"}


def test_motegi_second_term_is_a_second_row(people: dict[str, Actor]) -> None:
    motegi = people["toshimitsu-motegi"]
    assert motegi.role_on(date(2020, 6, 1)).role == "Minister of Foreign Affairs"
    between = motegi.role_on(date(2023, 6, 1))  # out of office between the two terms
    assert (between.code, between.role, between.start) == ("JPNELI", "former Minister of Foreign Affairs",
                                                          date(2021, 11, 5))
    assert motegi.role_on(None).start == date(2025, 10, 21)


@pytest.mark.parametrize(
    ("country", "roles", "before", "after"),
    [
        ("GBR", FOREIGN_MINISTER, "david-lammy", "yvette-cooper"),
        ("FRA", {"Prime Minister"}, "francois-bayrou", "sebastien-lecornu"),
        ("THA", {"Prime Minister"}, "paetongtarn-shinawatra", "anutin-charnvirakul"),
        ("NPL", {"Prime Minister"}, "kp-sharma-oli", "sushila-karki"),
        ("POL", {"President"}, "andrzej-duda", "karol-nawrocki"),
        ("BOL", {"President"}, "luis-arce", "rodrigo-paz"),
        ("MDG", {"President"}, "andry-rajoelina", "michael-randrianirina"),
        ("ARG", FOREIGN_MINISTER, "gerardo-werthein", "pablo-quirno"),
        ("CZE", {"Prime Minister"}, "petr-fiala", "andrej-babis"),
        ("CHL", {"President"}, "gabriel-boric", "jose-antonio-kast"),
        ("HND", {"President"}, "xiomara-castro", "nasry-asfura"),
        ("IRN", {"Supreme Leader"}, "ali-khamenei", "mojtaba-khamenei"),
        ("HUN", {"Prime Minister"}, "viktor-orban", "peter-magyar"),
    ],
)
def test_office_changes_hands(
    people: dict[str, Actor], country: str, roles: set[str], before: str, after: str
) -> None:
    assert holders(people, country, roles, date(2025, 7, 31)) == [before]
    assert holders(people, country, roles, date(2026, 11, 27)) == [after]


def test_peru_interim_presidents_follow_each_other(people: dict[str, Actor]) -> None:
    assert holders(people, "PER", {"President"}, date(2025, 7, 31)) == ["dina-boluarte"]
    assert holders(people, "PER", {"President"}, date(2025, 12, 1)) == ["jose-jeri"]
    assert holders(people, "PER", {"President"}, date(2026, 3, 1)) == ["jose-maria-balcazar"]
    assert people["jose-jeri"].role_on(date(2026, 3, 1)).code == "PERELI"  # a former president


@pytest.mark.parametrize("country", TRACKED)
def test_tracked_countries_have_one_head_and_foreign_minister_at_the_new_as_of_date(
    people: dict[str, Actor], country: str
) -> None:
    day = date(2026, 11, 27)
    assert holders(people, country, HEAD_ROLES, day), country
    assert len(holders(people, country, {"Minister of Foreign Affairs"}, day)) == 1, country


def test_organisations(kb: KnowledgeBase) -> None:
    orgs = {a.id: a for a in kb.actors if a.kind == "organisation"}
    assert orgs["un"].roles[0].code == "IGOUNO"
    assert orgs["nato"].roles[0].code == "IGONAT"
    assert orgs["eu"].roles[0].code == "IGOEEC"
    assert orgs["channel-one-russia"].roles[0].code == "RUSMED"
    assert "Pervy Kanal" in orgs["channel-one-russia"].aliases
    assert orgs["al-jazeera"].roles[0].code == "QATMED"
    assert orgs["icrc"].roles[0].code.startswith("NGO")


def test_rows_of_an_actor_are_in_start_order(kb: KnowledgeBase) -> None:
    # role_on falls back to the first row when a date precedes every role, so that row must be the earliest.
    for actor in kb.actors:
        starts = [r.start or date.min for r in actor.roles]
        assert starts == sorted(starts), actor.id


def test_before_the_first_recorded_post_only_the_country_is_known(people: dict[str, Actor]) -> None:
    held = people["sanae-takaichi"].role_on(date(2015, 6, 1))
    assert (held.code, held.sector, held.role, held.country) == ("JPN", None, None, "JPN")
    assert held.end == date(2025, 10, 20) and held.holds_on(date(2015, 6, 1))
    assert people["sanae-takaichi"].role_on(date(2025, 10, 21)).code == "JPNGOV"
