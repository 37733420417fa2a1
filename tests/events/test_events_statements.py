"""Statements about another actor (events/statements.py): a coded speaker whose reported clause has another coded
actor as a participant makes a statement about it (CAMEO 010), unless the sentence codes something more specific.
Our own sentences, through ``code_text(...).to_dict()``."""

from __future__ import annotations


def coded(coder, text: str) -> list[tuple[str, str | None, str | None]]:
    record = coder.code(text, published="2024-05-02").to_dict()
    return [(e["source"]["code"], e["cameo"], (e["target"] or {}).get("code")) for e in record["events"]]


def test_a_speaker_says_something_of_another_state(coder) -> None:
    assert coded(coder, "Spain said Morocco's offer was a serious basis for a settlement.") == [("ESP", "010", "MAR")]
    assert coded(coder, "The United Nations said Syria had broken the truce.") == [("IGOUNO", "010", "SYR")]
    # The object of the clause's verb is a participant too; the statement is made by each speaker of a list.
    assert coded(coder, "Peru and Chile said they would study Bolivia's complaint.") == [
        ("PER", "010", "BOL"), ("CHL", "010", "BOL")]


def test_the_statement_is_dated_and_kept_with_its_quote(coder) -> None:
    record = coder.code('"Ecuador has been a good neighbour," Colombia said on Tuesday.', published="2024-05-02")
    (event,) = record.to_dict()["events"]
    (quote,) = record.to_dict()["quotes"]
    assert (event["source"]["code"], event["cameo"], event["target"]["code"]) == ("COL", "010", "ECU")
    assert event["date"] == "2024-04-30" and event["quote_id"] == quote["id"]


def test_a_more_specific_event_in_the_sentence_is_the_event(coder) -> None:
    # The reported deed makes the speaker's statement an accusation; a demand is a demand.
    assert ("PAK", "010", "IND") not in coded(coder, "Pakistan said India had shelled its border posts.")
    assert all(code != "010" for _, code, _ in coded(coder, "Japan said China must stop the drills at once."))


def test_no_statement_without_two_distinct_coded_parties(coder) -> None:
    # An official of no country, a pronoun for the speaker itself, the speaker's own country, a party named deep
    # inside the clause, a news outlet reporting.
    assert coded(coder, "Officials said Japan would host the next round.") == []
    assert coded(coder, "Norway said it would double its budget.") == []
    assert coded(coder, "Peru's president said Peru would grow faster next year.") == []
    assert coded(coder, "Spain said the price of Morocco's gas had risen sharply.") == []
    assert coded(coder, "Al Jazeera said Egypt had closed the crossing overnight.") == []


def test_a_denied_statement_is_none(coder) -> None:
    assert coded(coder, "Spain did not say Morocco's offer was a basis for a settlement.") == []


def test_a_clause_that_judges_its_subject_is_a_criticism_of_it(coder) -> None:
    # A failure verb (criticize, 111), a violation verb (accuse, 112), a judgment word after a copula, priorities
    # compared: the clause's subject is the target.
    assert coded(coder, "Chile said the Bolivian government has failed to curb the smuggling gangs.") == [
        ("CHL", "111", "BOLGOV")]
    assert coded(coder, "Portugal said Morocco was openly flouting the fishing accord.") == [("PRT", "112", "MAR")]
    assert coded(coder, "Norway said Iceland had tried to undermine the whaling talks.") == [("NOR", "112", "ISL")]
    assert coded(coder, "Sweden said the Danish proposal was irresponsible.") == [("SWE", "111", "DNK")]
    assert coded(coder, "Kenya said Uganda seems more interested in its mines than in its farmers.") == [
        ("KEN", "111", "UGA")]


def test_the_judged_subject_is_found_when_hung_on_the_auxiliary(coder) -> None:
    # A quote mark between auxiliary and verb makes the parser hang the subject on the auxiliary.
    assert coded(coder, 'Austria said Hungary is “openly” flouting the court and ignoring its rulings.') == [
        ("AUT", "112", "HUN")]


def test_a_denied_or_future_failure_is_no_criticism(coder) -> None:
    assert coded(coder, "Chile said the Bolivian government has not failed to curb the gangs.") == [
        ("CHL", "010", "BOLGOV")]
    assert ("PRT", "112", "MAR") not in coded(coder, "Portugal said Morocco would never flout the fishing accord.")
    # Priorities not compared ("is interested in") judge nothing.
    assert coded(coder, "Kenya said Uganda is interested in its mines.") == [("KEN", "010", "UGA")]
