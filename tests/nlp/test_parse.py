"""Parsing at a bounded cost: long whitespace-free runs, long documents and large batches (issue 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.nlp import parse
from eventwire.nlp.parse import (
    MAX_RUN,
    PARSE_TOKENS,
    merge_mark_runs,
    parse_texts,
    piece_bounds,
    segments,
    tokenize,
)
from eventwire.nlp.sentences import MAX_SENTENCE, cap_sentences

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

# Tokenizing 20,000 quote marks took 45 s: spaCy searched the whole rest of the run for a suffix after every mark.
QUOTES = """
import spacy
from eventwire.nlp.parse import tokenize
doc = tokenize(spacy.blank("en"), '"' * 20_000)
assert len(doc) == 20_000 and doc.text == '"' * 20_000
"""


def test_a_run_of_quote_marks_is_tokenized_in_linear_time() -> None:
    done = subprocess.run([sys.executable, "-c", QUOTES], cwd=REPO, timeout=30, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_long_run_keeps_the_text_offsets_and_the_tokens_around_it(nlp: Language) -> None:
    text = "He said they don't know.\n" + '"' * 1000 + "(" * 450 + " and then U.S. officials left.  Done"
    doc = tokenize(nlp, text)
    assert doc.text == text and all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    assert [(t.text, t.norm_) for t in doc[:6]] == [(t.text, t.norm_) for t in nlp.tokenizer(text[:25])][:6]
    assert [t.text for t in doc[-8:]] == ["and", "then", "U.S.", "officials", "left", ".", " ", "Done"]
    last = max(t.i for t in doc if t.text == "(")
    assert last == 8 + 1000 + 450 - 1 and doc[last].whitespace_ == " "  # the run's last mark keeps its space
    assert not any(t.is_sent_start for t in doc[1:])  # no sentence starts at the seams of the pieces


def test_segments_cut_only_runs_longer_than_max_run() -> None:
    url = "https://example.org/" + "a" * (MAX_RUN - 20)
    assert list(segments(f"See {url} now")) == [f"See {url} now"]  # a run of MAX_RUN is left whole
    text = "x " + "$" * (2 * MAX_RUN + 5) + " y"
    pieces = list(segments(text))
    assert "".join(pieces) == text
    assert [len(p) for p in pieces] == [2, MAX_RUN, MAX_RUN, 6, 1]


def test_normal_text_is_tokenized_as_spacy_does(nlp: Language) -> None:
    text = "Putin praised Pashinyan on Monday, officials said.\n\nTalks resume in Baku (Azerbaijan) today."
    assert [(t.text, t.whitespace_, t.norm_) for t in tokenize(nlp, text)] == [
        (t.text, t.whitespace_, t.norm_) for t in nlp.tokenizer(text)]


def test_pieces_end_at_paragraph_breaks_else_sentence_ends(nlp: Language) -> None:
    doc = nlp.make_doc("One two three four five six.\nSeven eight nine ten eleven. Twelve thirteen fourteen")
    assert piece_bounds(doc, 10) == [(0, 8), (8, 17)]  # token 7 is the line break
    sentences = nlp.make_doc("One two three four five six. Seven eight nine ten eleven twelve thirteen fourteen")
    assert piece_bounds(sentences, 10) == [(0, 7), (7, 15)]
    flat = nlp.make_doc(" ".join(["word"] * 25))
    assert piece_bounds(flat, 10) == [(0, 10), (10, 20), (20, 25)]


def test_no_parse_sees_more_than_parse_tokens_and_order_is_kept(nlp: Language, monkeypatch: pytest.MonkeyPatch,
                                                                 ) -> None:
    limit = 40
    monkeypatch.setattr(parse, "PARSE_TOKENS", limit)
    seen: list[int] = []
    real = nlp.pipe

    def counted(docs, **kwargs):  # noqa: ANN001, ANN202 - spaCy's signature
        docs = list(docs)
        seen.append(sum(map(len, docs)))
        return real(docs, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counted)
    paragraph = "The minister met the envoy in Paris on Monday. They spoke of trade and of the border."
    texts = ["Talks went on.", "\n".join([paragraph] * 6), "Putin praised Pashinyan.", "Aliyev left Baku."]
    parsed = [doc for doc, _seconds in parse_texts(nlp, texts, 16, None)]
    assert max(seen) <= limit and len(seen) >= 5  # the long text alone, in pieces; the short ones batched
    assert [d.text for d in parsed] == texts
    long = parsed[1]
    assert len(long) > limit and long.has_annotation("DEP") and long.ents
    assert all(t.head.sent == t.sent for t in long)  # every tree stays inside its sentence


def test_parse_tokens_is_above_any_news_batch() -> None:
    assert PARSE_TOKENS >= 20_000 and MAX_RUN >= 200  # the snapshot's largest batch has 14,922 tokens


def test_no_sentence_runs_over_max_sentence_tokens(nlp: Language) -> None:
    words = " ".join(["officials", "said", "talks", "on", "trade", "went", "on", "and"] * 100)  # 800, no marks
    doc = nlp(words)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE
    news = ("The minister said on Monday that talks would resume, and that both sides, after weeks of delay, "
            "had agreed to meet. ") * 30  # 720 tokens, sentences of 24: nothing is cut
    assert not any(t.is_sent_start for t in cap_sentences(nlp.make_doc(news))[1:])
    assert [t.i for t in cap_sentences(nlp.make_doc(words)) if t.is_sent_start] == [0, 250, 500, 750]


def test_a_long_run_of_marks_is_one_token_and_the_words_around_it_keep_their_offsets(nlp: Language) -> None:
    text = "Putin met Pashinyan. " + "!" * 5000 + " " + "? " * 40 + "Lavrov accused Yerevan."
    doc = merge_mark_runs(tokenize(nlp, text))
    assert doc.text == text and all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    words = [t.text for t in doc if any(ch.isalnum() for ch in t.text)]
    assert words == ["Putin", "met", "Pashinyan", "Lavrov", "accused", "Yerevan"]
    assert len(doc) < 12  # 5,000 "!" and 40 "?" (81 tokens by spaCy's count) are one token


def test_marks_of_news_are_left_as_spacy_gives_them(nlp: Language) -> None:
    text = 'He said: "We will not leave (as they said ...)." -- and then: "No!!!" ... ?!? -- "(\'")'
    assert [(t.text, t.whitespace_) for t in merge_mark_runs(tokenize(nlp, text))] == [
        (t.text, t.whitespace_) for t in nlp.tokenizer(text)]


def test_the_coder_parses_a_wall_of_marks_as_one_token(nlp: Language) -> None:
    from eventwire.pipeline import Coder

    record = Coder(nlp=nlp).code("Putin met Pashinyan in Moscow. " + "!" * 20_000, published="2024-01-01")
    assert [e.cameo for e in record.events][:1] == ["040"] and record.article.id
