"""Tests for quote extraction: marks, cue list, each quote form, speakers, robustness, the seed article."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from eventwire.knowledge.cues import load_cues, parse_cues
from eventwire.quotes.marks import find_quoted_spans
from eventwire.records import ActorMention, Quote

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"


def inner(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text)]


# --- quote marks (no model) ---------------------------------------------------------------------


def test_curly_and_straight_double_marks():
    assert inner("“We will win,” he said.") == ["We will win,"]
    assert inner('"We will win," he said. "Soon."') == ["We will win,", "Soon."]


def test_single_marks_and_apostrophes():
    assert inner("It's the ministers' plan, he called it ‘a farce’ and 'a joke'.") == ["a farce", "a joke"]


def test_nested_quote_stays_inside_outer():
    assert inner("“He told me ‘no’ twice,” she said.") == ["He told me ‘no’ twice,"]


def test_quote_over_several_paragraphs():
    text = "“First paragraph.\n\n“Second paragraph.\n\n“Last one,” he said."
    (span,) = find_quoted_spans(text)
    assert span.paragraphs == 3 and text[span.start : span.end].startswith("First") and span.closed


def test_typewriter_double_marks():
    assert inner("''It isn't reform,'' said Mr. Cole.") == ["It isn't reform,"]


def test_unbalanced_marks_are_cut_at_the_paragraph_end():
    assert inner("He said “we go now\n\nNext paragraph.") == ["we go now"]
    assert inner('A stray ” mark and a 5" pipe.') == []


def test_whole_article_inside_quote_marks():
    text = "“" + "Word and word. " * 200 + "End.”"
    (span,) = find_quoted_spans(text)
    assert span.start == 1 and span.end == len(text) - 1


# --- cue list -----------------------------------------------------------------------------------


def test_cue_list_is_data_with_the_documented_kinds():
    cues = load_cues()
    assert {"say", "tell", "add", "accuse", "warn"} <= cues.verbs
    assert (("according", "to"), "prep-phrase") in cues.phrases
    assert (("hit", "back", "by", "say"), "verb-phrase") in cues.phrases


def test_cue_list_rejects_a_bad_line():
    with pytest.raises(ValueError, match="line 2"):
        parse_cues(["# comment", "say\tverbish\tnotes"])


# --- quote forms (model) ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    from eventwire.nlp.model import load_model

    return load_model()


def mention(text: str, word: str, code: str, nth: int = 0) -> ActorMention:
    found = [m.start() for m in re.finditer(re.escape(word), text)][nth]
    return ActorMention(found, found + len(word), word, word.lower(), word, code, code[:3], code[3:], None)


def quotes_of(nlp, text: str, words: dict[str, str] | None = None) -> list[Quote]:
    from eventwire.quotes.finder import find_quotes

    mentions = [
        mention(text, w, code, k)
        for w, code in (words or {}).items()
        for k in range(len(re.findall(re.escape(w), text)))
    ]
    return find_quotes(nlp(text), sorted(mentions, key=lambda m: m.start), load_cues())


def only(quotes: list[Quote], kind: str) -> Quote:
    found = [q for q in quotes if q.kind == kind]
    assert len(found) == 1, quotes
    return found[0]


@pytest.mark.slow
def test_direct_quote_with_trailing_attribution(nlp):
    text = "“We will not give up an inch of our land,” Lavrov said on Monday."
    q = only(quotes_of(nlp, text, {"Lavrov": "RUSGOV"}), "direct")
    assert q.text == "We will not give up an inch of our land" and q.id == "Q1"
    assert q.cue.text == "said" and q.speaker.text == "Lavrov" and q.speaker_span.text == "Lavrov"


@pytest.mark.slow
def test_direct_quote_introduced_by_colon_and_multi_sentence(nlp):
    text = "Lavrov told reporters: “The deal is dead. Nobody can revive it. We are done.”"
    q = only(quotes_of(nlp, text, {"Lavrov": "RUSGOV"}), "direct")
    assert q.text.startswith("The deal is dead.") and q.text.endswith("We are done.")
    assert q.speaker.text == "Lavrov" and q.cue.text == "told"


@pytest.mark.slow
def test_inverted_said_and_straight_marks(nlp):
    text = '"The talks went well," said Maria Zakharova, the ministry spokeswoman.'
    q = only(quotes_of(nlp, text, {"Zakharova": "RUSGOV"}), "direct")
    assert q.speaker.text == "Zakharova" and "Maria Zakharova" in q.speaker_span.text


@pytest.mark.slow
def test_quote_over_paragraphs_and_split_quote_share_the_speaker(nlp):
    text = (
        "“The first point is simple,” Pashinyan said. “We want peace.\n\n"
        "“The second point is harder. We want borders.”"
    )
    quotes = quotes_of(nlp, text, {"Pashinyan": "ARMGOV"})
    assert [q.kind for q in quotes] == ["direct", "direct"]
    assert all(q.speaker and q.speaker.text == "Pashinyan" for q in quotes)
    assert quotes[1].text.endswith("We want borders.")


@pytest.mark.slow
def test_unattributed_quote_inherits_from_the_previous_sentence(nlp):
    text = "Pashinyan spoke to reporters in Yerevan on Monday and said he was hopeful. “Peace is close.”"
    quotes = quotes_of(nlp, text, {"Pashinyan": "ARMGOV"})
    assert only(quotes, "direct").speaker.text == "Pashinyan"


@pytest.mark.slow
def test_partial_quotes_after_accused_and_inside_a_saying_clause(nlp):
    text = (
        "Zakharova accused Yerevan of dropping the agreements “at the behest of the West.”\n\n"
        "Yerevan hit back by saying that Lavrov’s accusation “calls into question the engagement of Russia.”"
    )
    quotes = quotes_of(nlp, text, {"Zakharova": "RUSGOV", "Yerevan": "ARMGOV", "Lavrov": "RUSGOV"})
    first, second = [q for q in quotes if q.kind == "partial"]
    assert first.text == "at the behest of the West." and first.speaker.text == "Zakharova"
    assert first.cue.text == "accused"
    assert second.text.startswith("calls into question") and second.speaker.text == "Yerevan"
    assert second.cue.text == "hit back by saying"


@pytest.mark.slow
def test_scare_quotes_without_a_cue_are_not_quotes(nlp):
    assert quotes_of(nlp, "The so-called “peace dividend” never arrived in the region.") == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "The Kremlin said that Putin reiterated his statements.",
            "Putin reiterated his statements",
            "said",
            "Kremlin",
        ),
        (
            "According to the Kremlin, the two leaders discussed the border.",
            "the two leaders discussed the border",
            "According to",
            "Kremlin",
        ),
        (
            "The leaders agreed to meet soon, the Kremlin added.",
            "The leaders agreed to meet soon",
            "added",
            "Kremlin",
        ),
        (
            "Lavrov blasted Yerevan, saying the response was another mistake.",
            "the response was another mistake",
            "saying",
            "Lavrov",
        ),
        (
            "Lavrov told reporters the talks would continue next week.",
            "the talks would continue next week",
            "told",
            "Lavrov",
        ),
        (
            "The talks will resume in May, said the Kremlin.",
            "The talks will resume in May",
            "said",
            "Kremlin",
        ),
    ],
)
def test_indirect_quotes(nlp, text, content, cue, speaker):
    q = only(quotes_of(nlp, text, {"Kremlin": "RUSGOV", "Lavrov": "RUSGOV"}), "indirect")
    assert q.text == content and q.cue.text == cue and q.speaker.text == speaker


@pytest.mark.slow
def test_pronoun_and_nominal_speakers_resolve_back(nlp):
    text = (
        "Lavrov said that the deal was dead. He added that talks were over.\n\n"
        "A statement from the Kremlin said that Russia was ready. The statement added that nothing changed."
    )
    quotes = quotes_of(nlp, text, {"Lavrov": "RUSGOV", "Kremlin": "RUSGOV"})
    # a pronoun speaker is a mention on the pronoun that carries its antecedent's actor (actors/coref.py)
    assert [(q.speaker.text, q.speaker.code) for q in quotes] == [
        ("Lavrov", "RUSGOV"), ("He", "RUSGOV"), ("Kremlin", "RUSGOV"), ("Kremlin", "RUSGOV")]
    assert quotes[1].speaker.name == quotes[0].speaker.name and quotes[1].speaker.kind == "pronoun"
    assert [q.speaker_span.text for q in quotes][1::2] == ["He", "The statement"]


@pytest.mark.slow
def test_unresolved_speaker_keeps_the_span(nlp):
    q = only(quotes_of(nlp, "“We are ready,” a senior diplomat said."), "direct")
    assert q.speaker is None and q.speaker_span.text == "a senior diplomat"


# --- robustness (model) -------------------------------------------------------------------------


@pytest.mark.slow
def test_stray_and_unbalanced_marks_do_not_crash(nlp):
    text = "He said ” nothing. She said “ something\n\n“ and ' another ‘ one\n\n”"
    quotes = quotes_of(nlp, text)
    assert all(0 <= q.start < q.end <= len(text) and q.text == text[q.start : q.end] for q in quotes)


@pytest.mark.slow
def test_whole_article_in_quote_marks_is_one_direct_quote(nlp):
    text = "“The minister said that the talks failed. Officials warned of new sanctions.”"
    quotes = quotes_of(nlp, text)
    assert [q.kind for q in quotes] == ["direct"]  # speech verbs inside a quotation are not new quotes


@pytest.mark.slow
def test_ten_thousand_word_quote_is_fast(nlp):
    from eventwire.quotes.finder import find_quotes

    body = " ".join(["The negotiations will continue."] * 2500)
    doc = nlp(f"“{body}” the minister said.")
    started = time.perf_counter()
    quotes = find_quotes(doc, [], load_cues())
    assert time.perf_counter() - started < 2.0
    assert len(quotes) == 1 and quotes[0].speaker_span.text == "the minister"


# --- the seed article ---------------------------------------------------------------------------

SEED_ACTORS = {
    "Pashinyan": "ARMGOV",
    "press office": "ARMGOV",
    "the Kremlin": "RUSGOV",
    "Kremlin": "RUSGOV",
    "Yerevan": "ARMGOV",
    "Lavrov": "RUSGOV",
    "The Russian foreign ministry": "RUSGOV",
    "Zakharova": "RUSGOV",
    "Putin": "RUSGOV",
}


def seed_mentions(text: str) -> list[ActorMention]:
    taken: list[ActorMention] = []
    for word in sorted(SEED_ACTORS, key=len, reverse=True):  # longest first, no overlaps
        for found in re.finditer(re.escape(word), text):
            if not any(m.start < found.end() and found.start() < m.end for m in taken):
                code = SEED_ACTORS[word]
                taken.append(
                    ActorMention(found.start(), found.end(), word, word, word, code, code[:3], code[3:], None)
                )
    return sorted(taken, key=lambda m: m.start)


@pytest.mark.slow
@pytest.mark.skipif(
    not (SEED / "gold.json").exists(), reason="../shared/seed (the seed article) is not present"
)
def test_seed_article_reaches_every_gold_quote_with_its_speaker(nlp):
    from eventwire.quotes.finder import find_quotes

    text = (SEED / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))["quotes"]
    quotes = find_quotes(nlp(text), seed_mentions(text), load_cues())
    assert [q.id for q in quotes] == [f"Q{k}" for k in range(1, len(quotes) + 1)]
    for g in gold:
        i = text.index(g["key"])
        hits = [q for q in quotes if q.start < i + len(g["key"]) and i < q.end]
        assert hits, g["id"]
        speaker = hits[0].speaker
        assert speaker is not None and speaker.country == g["speaker_country"], (g["id"], speaker)
        assert any(k.lower() in speaker.text.lower() for k in g["speaker_keys"]), (g["id"], speaker.text)


# --- cues found in other ways (issue 13, branch speakers) ---------------------------------------


def test_lead_verbs_are_their_own_kind_in_the_cue_list():
    cues = load_cues()
    assert "continue" in cues.leads and "continue" not in cues.verbs
    assert parse_cues(["go on\tlead\t"]).phrases == ((("go", "on"), "lead"),)


@pytest.mark.slow
def test_a_lead_verb_reports_beside_a_full_quotation_only(nlp):
    (q,) = quotes_of(nlp, "“We lost the vote,” Brandt continued.", {"Brandt": "USAGOV"})
    assert q.kind == "direct" and q.cue.text == "continued" and q.speaker.text == "Brandt"
    (q,) = quotes_of(nlp, "Brandt continued: “We lost the vote. We will try again.”", {"Brandt": "USAGOV"})
    assert q.cue.text == "continued"
    assert quotes_of(nlp, "The so-called “peace talks” continued for days.") == []


@pytest.mark.slow
def test_a_colon_ending_the_paragraph_before_introduces_the_quotation(nlp):
    text = "Brandt told the crowd:\n\n“The harvest is late. We need help.”"
    (q,) = quotes_of(nlp, text, {"Brandt": "USAGOV"})
    assert q.cue.text == "told" and q.speaker.text == "Brandt"
    text = "The list was long:\n\n“The harvest is late. We need help.”"
    (q,) = quotes_of(nlp, text)
    assert q.cue is None


@pytest.mark.slow
def test_a_dash_attribution_after_a_no_break_space_or_glued_to_the_mark(nlp):
    text = "“We are tired.”\u00a0\u2015 Ana Ruiz\n“We want rest.”\u2015 Tom Brandt\n"
    first, second = quotes_of(nlp, text)
    assert first.speaker_span.text == "Ana Ruiz" and second.speaker_span.text == "Tom Brandt"
    assert second.continues is None


@pytest.mark.slow
def test_a_quotation_ending_its_sentence_takes_the_cue_before_it(nlp):
    text = "Brandt boasted, “That makes me smart.” Later a farmer who said he was cheated went home."
    q = only(quotes_of(nlp, text, {"Brandt": "USAGOV"}), "direct")
    assert q.cue.text == "boasted" and q.speaker.text == "Brandt"


@pytest.mark.slow
def test_a_parse_across_the_marks_still_finds_the_speaker_after_them(nlp):
    text = ("Some believe the campaign is worried.\n\n"
            "“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday.\n\n"
            "“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a local party president.")
    first, second = quotes_of(nlp, text)
    assert "Jordan" in first.speaker_span.text and "Monday" not in first.speaker_span.text
    assert second.speaker_span.text.startswith("Leslie Wimes")

