"""Local coreference, one mention per referent and split quotes, on the record a user gets (our own sentences)."""

from __future__ import annotations

import pytest

from eventwire.actors.coref import paragraph_ids, quoted_tokens
from eventwire.records import CodedArticle, Quote

DAY = "2024-05-01"


@pytest.fixture(scope="module")
def code(coder):  # type: ignore[no-untyped-def]
    def run(text: str) -> CodedArticle:
        return coder.code(text, published=DAY)  # type: ignore[no-any-return]
    return run


def quote_with(record: CodedArticle, words: str) -> Quote:
    return next(q for q in record.quotes if words in q.text)


# --- coreference that stays local ------------------------------------------------------------------


def test_pronoun_speaker_is_the_unknown_person_just_named_not_the_famous_name_in_the_quote(code):
    text = ("Donald Trump visited Ohio on Monday.\n\n"
            "Maria Kowalski, a teacher, waited outside. \"I appeal to President Trump to listen,\" she said.")
    q = quote_with(code(text), "I appeal")
    assert q.speaker is not None and q.speaker.name == "Maria Kowalski"
    # a person the knowledge base lacks: named, never coded as someone known; her code is what the text says
    # of her ("a teacher": EDU, issue 13's unknown people), not the famous name's
    assert q.speaker.code == "EDU" and q.speaker.country is None


def test_he_skips_a_woman_and_she_skips_a_man(code):
    record = code("Hillary Clinton met Tom Brandt in Denver. \"It went well,\" he said.")
    assert quote_with(record, "It went well").speaker.name == "Tom Brandt"
    record = code("Joe Biden met Laura Finch in Denver. \"It went well,\" she said.")
    assert quote_with(record, "It went well").speaker.name == "Laura Finch"


def test_title_tells_gender(code):
    record = code("Mrs. Okafor spoke after Barack Obama left. \"We were heard,\" she said.")
    assert quote_with(record, "We were heard").speaker.name == "Okafor"


def test_a_famous_name_two_paragraphs_back_is_not_an_antecedent(code):
    text = ("Vladimir Putin spoke in Moscow on Monday.\n\n"
            "The weather was cold and the streets were empty.\n\n"
            "\"Nobody came,\" he said.")
    q = quote_with(code(text), "Nobody came")
    assert q.speaker is None  # no person in this paragraph or the one before: no guess
    assert q.speaker_span is not None and q.speaker_span.text == "he"


def test_pronoun_in_event_does_not_take_a_name_inside_quotes(code):
    record = code("\"Vladimir Putin must leave,\" she said, and she criticised NATO.")
    assert not [m for m in record.mentions if m.kind == "pronoun" and m.name == "Vladimir Putin"]


def test_he_takes_the_nearest_known_person_in_the_paragraph(code):
    record = code("Sergey Lavrov met reporters in Moscow on Monday. He criticised NATO.")
    pronouns = [m for m in record.mentions if m.kind == "pronoun"]
    assert [m.name for m in pronouns] == ["Sergey Lavrov"]


def test_they_goes_to_a_body_not_a_person(code):
    text = "Vladimir Putin spoke on Monday. The European Union met in Brussels. \"Sanctions will follow,\" they said."
    q = quote_with(code(text), "Sanctions")
    assert q.speaker is not None and q.speaker.code is not None and q.speaker.code.startswith("IGO")


def test_they_is_not_an_event_argument(code):
    record = code("Armenia and Georgia welcomed their new talks with Azerbaijan.")
    assert not [m for m in record.mentions if m.text == "their"]


def test_a_pronoun_speaker_continues_the_speaker_quoted_just_before(code):
    text = ("Tom Brandt, a farmer, spoke to reporters. \"The rain came late,\" Brandt said.\n\n"
            "The farm was in the news after a visit by Joe Biden. \"We lost half the crop,\" he said.")
    q = quote_with(code(text), "half the crop")
    assert q.speaker is not None and q.speaker.name == "Tom Brandt"


def test_the_president_said_takes_the_nearest_person_with_that_title(code):
    text = "President Emmanuel Macron met farmers in Lyon. \"We will help,\" the president said."
    q = quote_with(code(text), "We will help")
    assert q.speaker is not None and q.speaker.country == "FRA"


def test_named_speaker_the_knowledge_base_lacks_is_uncoded_with_full_name(code):
    text = "Ana Ruiz, a nurse in Madrid, spoke on Monday. \"We are tired,\" Ruiz said."
    q = quote_with(code(text), "We are tired")
    assert q.speaker is not None and q.speaker.name == "Ana Ruiz" and q.speaker.code is None


def test_paragraphs_and_quote_marks_by_token(nlp):
    doc = nlp("He spoke.\n\n\u201cWe will win,\u201d she said.")
    paras = paragraph_ids(doc)
    assert paras[0] == 0 and paras[-1] == 1
    inside = [t.text for t, q in zip(doc, quoted_tokens(doc), strict=True) if q]
    assert inside[:3] == ["We", "will", "win"] and "she" not in inside


# --- one actor per referent ------------------------------------------------------------------------


def test_title_and_name_are_one_mention(code):
    record = code("Russian President Vladimir Putin met Armenian Prime Minister Nikol Pashinyan in Moscow.")
    assert [(m.text, m.code) for m in record.mentions] == [
        ("Russian President Vladimir Putin", "RUSGOV"), ("Armenian Prime Minister Nikol Pashinyan", "ARMGOV")]
    sources = [e.source.text for e in record.events]
    assert len(sources) == len(set(sources))  # each leader a source once, never his title as a second one


def test_apposition_is_one_mention(code):
    record = code("Sergey Lavrov, Russia's foreign minister, criticised NATO on Tuesday.")
    people = [m for m in record.mentions if m.code == "RUSGOV"]
    assert [m.text for m in people] == ["Sergey Lavrov"]


# --- quotes split by their cue ---------------------------------------------------------------------


def test_split_quote_is_one_quote_in_two_parts(code):
    record = code("\"A strong start,\" the teacher said, \"but more is needed.\"")
    first, second = record.quotes
    assert first.continues is None and second.continues == first.id
    assert second.cue == first.cue


def test_two_cues_are_two_quotes(code):
    record = code("\"We are tired,\" said Ruiz. Then Gomez spoke. \"We want rest,\" he added.")
    assert all(q.continues is None for q in record.quotes)


def test_record_with_an_uncoded_speaker_validates_against_the_schema(code):
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads((resources.files("eventwire") / "schema" / "coded-article.schema.json").read_text())
    record = code("Ana Ruiz, a nurse, spoke. \"We are tired,\" she said, \"and we want rest.\"")
    assert any(q.speaker is not None and q.speaker.code is None for q in record.quotes)
    jsonschema.validate(record.to_dict(), schema)


def test_a_speech_over_paragraphs_keeps_its_speaker_but_not_beyond_three(code):
    head = "Laura Finch, a nurse, spoke. \"We are tired,\" Finch said.\n\n"
    filler = "The hall was full.\n\n"
    q = quote_with(code(head + filler + filler + "\"We want rest,\" she said."), "We want rest")
    assert q.speaker is not None and q.speaker.name == "Laura Finch"
    q = quote_with(code(head + filler * 4 + "\"We want rest,\" she said."), "We want rest")
    assert q.speaker is None


# --- speakers and antecedents named in other ways (issue 13, branch speakers) ------------------------


def test_a_pronoun_chain_carries_the_person_over_a_paragraph(code):
    text = ("Ed Fowler, a former party chairman, spoke on Monday. The change was smooth, he said, and loyalists "
            "to Joe Biden would lobby hard. That is why, he argued, the party should be ready.\n\n"
            "\"This is a different time,\" he said.")
    q = quote_with(code(text), "different time")
    assert q.speaker is not None and q.speaker.name == "Ed Fowler"  # not Joe Biden, the nearer object


def test_a_pronoun_chain_does_not_reach_past_its_paragraphs(code):
    text = ("Vladimir Putin spoke in Moscow on Monday.\n\n"
            "The weather was cold.\n\n"
            "The streets were empty, he wrote later.\n\n"
            "\"Nobody came,\" he said.")
    q = quote_with(code(text), "Nobody came")
    assert q.speaker is None or q.speaker.name != "Vladimir Putin"


def test_an_office_in_apposition_to_a_name_is_that_person(code):
    text = ("The minister of the economy, Mr. Tomas Ruelas, argues there is little point in a response. "
            "\"We must not overreact,\" he told me.")
    record = code(text)
    assert quote_with(record, "overreact").speaker.name == "Tomas Ruelas"
    indirect = quote_with(record, "little point")
    assert indirect.speaker.name == "Tomas Ruelas" and "minister" in indirect.speaker_span.text


def test_the_office_speaker_takes_its_holder_of_the_same_country(code):
    text = "President Emmanuel Macron met farmers in Lyon. \"We will help,\" the French president said."
    q = quote_with(code(text), "We will help")
    assert q.speaker is not None and q.speaker.name == "Emmanuel Macron"
    text = "President Emmanuel Macron met farmers in Lyon. \"We will help,\" the American president said."
    q = quote_with(code(text), "We will help")
    assert q.speaker is None or q.speaker.name != "Emmanuel Macron"


def test_she_after_an_office_goes_to_the_person_holding_it(code):
    text = ("Rosa Delgado became the attorney general in May. The attorney general met parents on Friday.\n\n"
            "\"We will get there,\" she said.")
    q = quote_with(code(text), "get there")
    assert q.speaker is not None and q.speaker.name == "Rosa Delgado"


def test_a_relative_pronoun_speaks_for_the_noun_it_modifies(code):
    text = "The guests included the singer Tom Brandt, who joked, \"I have not seen it yet.\""
    q = quote_with(code(text), "not seen it")
    assert q.speaker is not None and q.speaker.name == "Tom Brandt" and q.speaker_span.text == "who"
    text = "The guests were Ana Ruiz, Laura Finch and Tom Brandt, who joked, \"I have not seen it yet.\""
    q = quote_with(code(text), "not seen it")
    assert q.speaker is not None and q.speaker.name == "Tom Brandt"  # the last of the list, not the list


def test_a_known_surname_after_another_first_name_is_someone_else(code):
    text = ("Donald Trump spoke in Ohio. In an essay, Ivanka Trump praised the plan. "
            "\"The number of single mothers has doubled,\" she wrote.")
    q = quote_with(code(text), "single mothers")
    assert q.speaker is not None and q.speaker.name == "Ivanka Trump" and q.speaker.code is None
    q = quote_with(code("President Obama met farmers. \"We will help,\" he said."), "We will help")
    assert q.speaker is not None and q.speaker.name == "Barack Obama"  # a title, not a first name


def test_a_surname_tells_no_gender(code):
    text = "Police stopped an unseen Scott. Rosa Scott shouted to the officers. \"Don't shoot,\" she said."
    q = quote_with(code(text), "Don't shoot")
    assert q.speaker is not None and q.speaker.name == "Rosa Scott"


def test_a_name_in_the_paragraph_beats_the_speaker_quoted_a_paragraph_before(code):
    text = ("\"We will win,\" Tom Brandt said.\n\n"
            "Ed Fowler met farmers in Iowa. \"We will help,\" he said.")
    q = quote_with(code(text), "We will help")
    assert q.speaker is not None and q.speaker.name == "Ed Fowler"


def test_a_speaker_written_as_an_earlier_resolved_one_is_that_speaker():
    from eventwire.quotes.finder import Speaker, _said_before
    from eventwire.records import ActorMention, Span

    ledger = ActorMention(40, 51, "Grey Ledger", "grey-ledger", "Grey Ledger", None, None, None, None,
                          kind="organisation")
    history = [Speaker(Span(40, 51, "Grey Ledger"), ledger), Speaker(Span(90, 95, "Smith"), None)]
    again = _said_before(Span(200, 211, "Grey Ledger"), history)
    assert again is not None and again.name == "Grey Ledger" and (again.start, again.end) == (200, 211)
    assert _said_before(Span(300, 305, "Smith"), history) is None  # never resolved: nothing to reuse
    assert _said_before(Span(300, 311, "the website"), history) is None


def test_a_surname_given_in_full_before_is_that_person_whatever_its_tag(code):
    text = ("Justice Frank Nervo rejected the request on Thursday.\n\n"
            "\"The court will not take that action,\" Nervo wrote.")
    q = quote_with(code(text), "will not take")
    assert q.speaker is not None and q.speaker.name == "Frank Nervo"


def test_a_country_inside_a_persons_name_is_not_the_speaker(code):
    (q,) = code("“We will achieve justice,” Police Chief Chuck Jordan said on Monday in Tulsa.").quotes
    assert q.speaker is not None and q.speaker.name == "Chuck Jordan" and q.speaker.code != "JOR"


def test_the_two_leaders_are_the_two_people_just_named(code):
    text = "Vladimir Putin met Nikol Pashinyan in Moscow. \"We agreed on the border,\" the two leaders said."
    q = quote_with(code(text), "agreed on the border")
    assert q.speaker is not None and q.speaker.name == "Vladimir Putin and Nikol Pashinyan"
    assert q.speaker.code is None  # two governments: no one code speaks for both


def test_both_ministers_are_the_two_who_hold_the_title(code):
    text = ("Foreign Minister Sergey Lavrov met Foreign Minister Ararat Mirzoyan and Joe Biden in Geneva. "
            "\"The talks were useful,\" both ministers said.")
    q = quote_with(code(text), "talks were useful")
    assert q.speaker is not None and q.speaker.name == "Sergey Lavrov and Ararat Mirzoyan"


def test_the_two_farmers_are_not_one_person_and_another_from_further(code):
    text = "Joe Biden visited Iowa.\n\nTom Brandt spoke to reporters. \"We are tired,\" the two farmers said."
    q = quote_with(code(text), "We are tired")
    assert q.speaker is None or " and " not in q.speaker.name
