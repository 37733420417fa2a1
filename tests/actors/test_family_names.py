"""A known person of a country that writes the family name first is later named by that first word alone
(actors/resolve.py ``family_names_of_known``, data/words/family_name_first.tsv). Our own sentences."""

from __future__ import annotations


def mentions(coder, text: str) -> list[tuple[str, str | None]]:
    return [(m["text"], m["code"]) for m in coder.code(text, published="2019-03-04").to_dict()["mentions"]]


def test_a_family_name_alone_is_the_person_named_in_full_before(coder) -> None:
    found = mentions(coder, "Kim Jong Un left Pyongyang by train. Moon later phoned Kim about the border.")
    assert ("Kim", "PRKGOV") in found
    record = coder.code("Xi Jinping arrived in Lima on Sunday. Peru's president welcomed Xi at the airport.",
                        published="2019-03-04").to_dict()
    assert any(e["target"] and e["target"]["text"] == "Xi" and e["target"]["code"] == "CHNGOV"
               for e in record["events"])


def test_the_first_word_of_a_longer_name_or_before_the_full_name_is_not_the_person(coder) -> None:
    found = mentions(coder, "Kim Jong Un spoke on Monday. Kim Yo Jong later issued a statement.")
    assert ("Kim", "PRKGOV") not in found
    assert ("Kim", "PRKGOV") not in mentions(coder, "Kim said nothing. Kim Jong Un spoke on Monday.")


def test_a_name_written_given_name_first_is_not_read_by_its_first_word(coder) -> None:
    # Russia writes the given name first in English news: "Vladimir" alone is nobody.
    assert ("Vladimir", "RUSGOV") not in mentions(coder, "Vladimir Putin spoke on Monday. Vladimir later left.")
