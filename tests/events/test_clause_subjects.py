"""A verb the parser gives two subjects: both are tried, nearest first; a dateline is never one."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.events.subjects import clause_subjects, subject_tokens


def parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_two_subjects_nearest_first_with_conjuncts() -> None:
    # "Old foes Gondor and Osgiliath renewed ties", read with both "foes" and "Gondor" as subjects.
    doc = parsed(["Old", "foes", "Gondor", "and", "Osgiliath", "renewed", "ties"],
                 [1, 5, 5, 2, 2, 5, 5], ["amod", "nsubj", "nsubj", "cc", "conj", "ROOT", "dobj"])
    assert [t.text for t in clause_subjects(doc[5], {"nsubj"})] == ["Gondor", "Osgiliath", "foes"]
    assert [t.text for t in subject_tokens(doc[5])] == ["Gondor", "Osgiliath", "foes"]


def test_a_dateline_read_as_a_subject_is_passed_over() -> None:
    doc = parsed(["MOSCOW", "(", "AP", ")", "-", "Lavrov", "accused", "Armenia"],
                 [6, 2, 0, 2, 0, 6, 6, 6], ["nsubj", "punct", "appos", "punct", "punct", "nsubj", "ROOT", "dobj"])
    assert [t.text for t in subject_tokens(doc[6])] == ["Lavrov"]


def test_a_single_subject_is_unchanged() -> None:
    doc = parsed(["Iran", "accused", "Israel"], [1, 1, 1], ["nsubj", "ROOT", "dobj"])
    assert [t.text for t in subject_tokens(doc[1])] == ["Iran"]


def triples(coder, text: str) -> list[tuple[str, str, str | None]]:
    record = coder.code(text, published="2004-08-20")
    return [(e.cameo, e.source.code, e.target.code if e.target else None) for e in record.events]


def test_a_reduced_passive_has_no_source_but_its_agent(coder) -> None:
    # The noun of "workers seized", "troops injured" is what happened to them, never who did it.
    assert triples(coder, "Two US workers seized in Baghdad were freed.") == []
    assert triples(coder, "British soldiers wounded in Basra have returned home.") == []
    assert triples(coder, "The Italian journalist taken hostage in Iraq spoke to his family.") == []
    assert ("174", "DEU", "IRNGOV") in triples(coder, "Two Iranian diplomats expelled by Germany left Berlin.")


def test_a_past_tense_read_as_a_participle_in_running_text_stays_active(nlp) -> None:
    from eventwire.events.clauses import is_reduced_passive

    doc = parsed(["Iran", "deplored", "the", "raid", "on", "its", "embassy", "in", "Baghdad", "almost", "five",
                  "years", "after", "crowds", "burned", "it", ",", "a", "senior", "official", "said", "."],
                 [1, 20, 3, 1, 3, 6, 4, 6, 7, 10, 11, 14, 14, 14, 1, 14, 20, 19, 19, 20, 20, 20],
                 ["nsubj", "ccomp", "det", "dobj", "prep", "poss", "pobj", "prep", "pobj", "advmod", "nummod",
                  "npadvmod", "mark", "nsubj", "advcl", "dobj", "punct", "det", "amod", "nsubj", "ROOT", "punct"])
    doc[1].tag_ = "VBN"
    assert not is_reduced_passive(doc[1])  # it has an object: a past tense
    reduced = parsed(["Engineers", "kidnapped", "in", "Iraq", "returned"], [4, 0, 1, 2, 4],
                     ["nsubj", "acl", "prep", "pobj", "ROOT"])
    reduced[1].tag_ = "VBN"
    assert is_reduced_passive(reduced[1])
    headline = parsed(["Students", "protested", "in", "Yerevan"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"])
    headline[1].tag_ = "VBN"
    assert not is_reduced_passive(headline[1])  # a past tense: "protest" needs no object


def test_a_documents_clause_is_its_issuers_not_its_readers(coder) -> None:
    assert triples(coder, "Russia issued a statement calling on Ukraine to withdraw.") == [("020", "RUS", "UKR")]
    assert triples(coder, "The United States vetoed a resolution calling on Israel to withdraw.") == []
    # A state of mind is its holder's whatever the verb: "expressed readiness to support".
    assert ("03", "RUS", "ARM") in [(c[:2], s, t) for c, s, t in
                                     triples(coder, "Russia expressed readiness to support Armenia.")]


def test_a_verb_saying_what_its_object_is_is_no_deed_done_to_it(coder) -> None:
    assert [t for t in triples(coder, "North Korea called Bush a political idiot.") if t[0].startswith("04")] == []
    assert [(c, s) for c, s, t in triples(coder, "President Putin called Prime Minister Pashinyan on Friday.")
            if t and t.startswith("ARM")] == [("040", "RUSGOV")]


def test_held_hostage_with_no_other_object_tells_what_happened_to_the_subject(coder) -> None:
    text = "France said two French reporters held hostage in Iraq were still alive."
    assert [t for t in triples(coder, text) if t[0].startswith("11")] == []  # France accuses no one


def test_captive_predicate_needs_the_captive_as_the_only_object(nlp) -> None:
    from eventwire.events.clauses import captive_predicate

    doc = parsed(["Reporters", "held", "hostage", "were", "alive"], [1, 3, 1, 3, 3],
                 ["nsubj", "ccomp", "dobj", "ROOT", "acomp"])
    doc[1].lemma_ = "hold"
    doc[2].lemma_ = "hostage"
    assert captive_predicate(doc[1])
    active = parsed(["Militants", "held", "reporters", "hostage"], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "oprd"])
    active[1].lemma_ = "hold"
    assert not captive_predicate(active[1])
