"""Tests of the PETRARCH actor/agent dictionary import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.knowledge.actors import KnowledgeBase
from eventwire.knowledge.petrarch_actors import (
    CodeSpec,
    display_phrase,
    parse_code_block,
    parse_day,
    plural_of,
    read_actor_entries,
    read_agent_entries,
    read_petrarch_dictionaries,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "petrarch-validation"
VALIDATE = SHARED / "validate-dictionaries"
needs_validate = pytest.mark.skipif(not VALIDATE.is_dir(),
                                    reason="../shared/data/petrarch-validation is absent")

ACTORS = """<!-- TEST ACTOR DICTIONARY -->
<!--
# a multi-line header comment
# -->
ARNOR_  [ARN]
+ARNORIAN
+THE_NORTH_KINGDOM  # a comment

GONDOR [GON] ; TABARI-style comment
+MINAS_TIRITH
ENT
\t[ENT]
THE_KING_OF_ARNOR [ARNGOV]
BOROMIR  [---]
LORIEN  [ELR/GAL]
#NASGUL  [###]
<! -- a one-line pseudo comment -->
GOLLUM  # pas 27 Apr 03
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
SAM_GAMGEE [HOB]
\t[HOBCIV <20080120]
\t[HOBMIL 20080120-20121109]
ZIMBABWE
\t[RHO <790606]
\t[ZBW]
"""

AGENTS = """<!-- TEST AGENTS -->
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
FOREIGN_MINISTER [~GOVFRM] # comment
POLICE {} [ ~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
HUMAN_RIGHTS_BODY  [NGO~]
CONGRESS [~LEG]
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
AUTHORITY  [~GOV]
SECURITY_OFFICIALS  [~GOV]
# JOURNALISTS'_UNION  [~LABMED]
"""


@pytest.fixture()
def kb(tmp_path: Path) -> KnowledgeBase:
    actors = tmp_path / "test.actors.txt"
    agents = tmp_path / "test.agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return read_petrarch_dictionaries(actors, agents)


def test_parse_day_two_and_four_digit_years():
    assert parse_day("950601") == date(1995, 6, 1)
    assert parse_day("070723") == date(2007, 7, 23)
    assert parse_day("20121109") == date(2012, 11, 9)


def test_parse_code_block_restrictions():
    assert parse_code_block("HOB < 950601") == [CodeSpec("HOB", None, date(1995, 6, 1))]
    assert parse_code_block("HOBREB >990816") == [CodeSpec("HOBREB", date(1999, 8, 16), None)]
    assert parse_code_block("HOBGOV 19950601 - 19990815") == [
        CodeSpec("HOBGOV", date(1995, 6, 1), date(1999, 8, 15))]
    assert [c.code for c in parse_code_block("ELR/GAL")] == ["ELR", "GAL"]
    assert parse_code_block("pse") == [CodeSpec("PSE")]
    assert parse_code_block("950601-990815") == []


def test_three_letter_codes_become_countries(kb: KnowledgeBase):
    arnor = kb.country("ARN")
    assert arnor is not None
    assert arnor.name == "Arnor"
    assert arnor.aliases == ("Arnor", "Arnorian", "The North Kingdom")
    assert arnor.demonyms == ("Arnorian",)
    assert arnor.iso2 is None and arnor.capital is None
    assert kb.country("GON").aliases == ("Gondor", "Minas Tirith")
    assert kb.country("ENT").name == "ENT"


def test_compound_codes_give_one_entry_per_code(kb: KnowledgeBase):
    assert kb.country("ELR").name == "Lorien"
    assert kb.country("GAL").name == "Lorien"


def test_null_codes_and_comments_are_dropped(kb: KnowledgeBase):
    names = {c.name for c in kb.countries} | {a.name for a in kb.actors}
    assert "Boromir" not in names
    assert "Nasgul" not in names


def test_other_codes_become_actors_with_roles(kb: KnowledgeBase):
    actors = {a.name: a for a in kb.actors}
    king = actors["The King of Arnor"]
    assert [(r.country, r.sector, r.code) for r in king.roles] == [("ARN", "GOV", "ARNGOV")]
    gollum = actors["Gollum"]
    assert gollum.aliases == ("Gollum", "Smeagol")
    assert gollum.role_on(date(1990, 1, 1)).code == "HOB"
    assert gollum.role_on(date(1997, 1, 1)).code == "HOBGOV"
    assert gollum.role_on(date(2005, 1, 1)).code == "HOBREB"
    sam = actors["Sam Gamgee"]
    assert sam.role_on(date(2000, 1, 1)).code == "HOBCIV"
    assert sam.role_on(date(2010, 1, 1)).code == "HOBMIL"
    assert sam.role_on(date(2020, 1, 1)).code == "HOB"
    zimbabwe = actors["Zimbabwe"]
    assert zimbabwe.role_on(date(1975, 1, 1)).code == "RHO"
    assert zimbabwe.role_on(date(2000, 1, 1)).code == "ZBW"


def test_agents_become_sector_phrases_with_plurals(kb: KnowledgeBase):
    sectors = {(s.phrase, s.sector) for s in kb.sectors}
    assert {("foreign minister", "GOVFRM"), ("foreign ministers", "GOVFRM")} <= sectors
    assert ("police", "COP") in sectors and ("polices", "COP") not in sectors
    assert {("attorney general", "GOV"), ("attorneys general", "GOV")} <= sectors
    assert ("attorney generals", "GOV") not in sectors
    assert {("human rights body", "NGO"), ("human rights bodies", "NGO")} <= sectors
    assert {("congress", "LEG"), ("congresses", "LEG"), ("congressman", "LEG"),
            ("congresswomen", "LEG")} <= sectors
    assert ("congressmans", "LEG") not in sectors
    assert {("minister of silly walks", "GOV"), ("ministries of silly walks", "GOV")} <= sectors
    assert {("authority", "GOV"), ("authorities", "GOV")} <= sectors
    assert ("security officials", "GOV") in sectors
    assert not any("journalist" in s.phrase for s in kb.sectors)


def test_agent_code_position(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(AGENTS, encoding="utf-8")
    entries = {e.phrase: e for e in read_agent_entries(path)}
    assert entries["human rights body"].after is False
    assert entries["foreign minister"].after is True


def test_actors_only(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ACTORS, encoding="utf-8")
    kb = read_petrarch_dictionaries(path)
    assert kb.sectors == ()
    assert len(read_actor_entries(path)) == 9


def test_display_and_plurals():
    assert display_phrase("THE_HERMIT_KINGDOM") == "The Hermit Kingdom"
    assert display_phrase("U.S.") == "U.S."
    assert display_phrase("IMF") == "IMF"
    assert display_phrase("PRINCE OF DOL AMROTH") == "Prince of Dol Amroth"
    assert display_phrase("AL-QAEDA") == "Al-Qaeda"
    assert plural_of("AUTHORITY") == "AUTHORITIES"
    assert plural_of("ATTORNEY") == "ATTORNEYS"
    assert plural_of("CONGRESS") == "CONGRESSES"
    assert plural_of("CHAIRMAN") == "CHAIRMEN"


@needs_validate
def test_real_validate_dictionaries():
    kb = read_petrarch_dictionaries(VALIDATE / "PETR.Validate.actors.txt",
                                    VALIDATE / "PETR.Validate.agents.txt")
    assert len(kb.countries) > 70
    assert len(kb.actors) > 30
    assert len(kb.sectors) > 150
    assert kb.country("ARN").name == "Arnor"
    assert "Minas Tirith" in kb.country("GON").aliases
    assert "Israeli" in kb.country("ISR").demonyms
    assert kb.country("USA").aliases == ("United States", "USA", "U.S.")
    actors = {a.name: a for a in kb.actors}
    assert actors["Sam Gamgee"].role_on(date(2010, 1, 10)).code == "ORCHOB"
    assert actors["Sam Gamgee"].role_on(date(2012, 12, 1)).code == "HOBGOV"
    assert actors["International Criminal Police Organization"].aliases[-1] == "Interpol"
    assert actors["Washington"].roles[0].code == "USAGOV"
    sectors = {(s.phrase, s.sector) for s in kb.sectors}
    assert ("ministries of silly walks", "GOV") in sectors
    assert ("golden geese", "GGS") in sectors
