"""Parsing at a bounded cost: the tokenizer never sees a long run without whitespace, the parser never more than
PARSE_TOKENS tokens at once, a long run of marks is one token, and every step checks the article's time budget
(``eventwire.nlp.budget``).

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free run one at a time and searches the rest
for a suffix each time, with a regular expression anchored at the end that scans the whole rest: a run of n
quote marks (or brackets, or "$") costs n^2 (40,000 quote marks: 210 s). A run longer than MAX_RUN is
tokenized in pieces of MAX_RUN characters, so no input costs more than n x MAX_RUN. Memory grows with the
tokens of one ``nlp.pipe`` call (about 16 KB a token: 2.8 GB for 857 KB of text), so a document longer than
PARSE_TOKENS is parsed in pieces cut at paragraph breaks (else sentence ends), and a batch of documents is cut
where it would pass PARSE_TOKENS. Every Doc keeps the article's text: offsets stay offsets into it. News
never meets either bound (docs/benchmarks.md), so its parse is the one spaCy gives for the whole text.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.arrays import strings_of
from eventwire.nlp.budget import CodingTimeout, check, deadline
from eventwire.nlp.guard import InputRejected
from eventwire.nlp.paragraphs import after_line_break
from eventwire.nlp.sentences import ends_sentence

MAX_RUN = 200  # characters; the longest whitespace-free run in the BBC, VOA and AG News sets is 136
PARSE_TOKENS = 20_000  # tokens per nlp.pipe call; the longest snapshot article has 5,062, its largest batch 14,922
MARK_RUN = 16  # tokens with no letter or digit in a row; longer runs become one token
LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")

# A parsed article, or why it was not parsed, with the seconds of its budget it used.
Parsed = tuple[Doc | CodingTimeout | InputRejected, float]


def tokenize(nlp: Language, text: str) -> Doc:
    """The tokens of ``text``: spaCy's own, except that a run of over MAX_RUN characters without whitespace is
    tokenized in pieces of MAX_RUN (the Doc's text is ``text`` all the same)."""
    if LONG_RUN.search(text) is None:
        return nlp.tokenizer(text)
    docs = []
    for piece in segments(text):
        check()
        docs.append(nlp.tokenizer(piece))
    # NORM carries the tokenizer's exceptions ("n't" -> "not"); no sentence starts at the seams of pieces.
    return Doc.from_docs(docs, ensure_whitespace=False, attrs=["NORM"],  # type: ignore[call-arg] # stub lacks it
                         exclude=["tensor", "user_data", "spans"])


def merge_mark_runs(doc: Doc) -> Doc:
    """``doc`` with each run of over MARK_RUN consecutive tokens that hold no letter or digit ("!!!! ...", a
    wall of quote marks or dashes) merged into one token. Every token costs the tagger and parser the same, so
    20,000 "!" cost what 20,000 words do (about 8 s) while they say nothing; merged, they cost one token. News
    never has such runs (the closing marks of a quote inside a bracket are four or five), so its tokens are
    spaCy's own."""
    runs, start = [], None
    for i, text in enumerate(strings_of(doc, ORTH)):
        if _is_mark(text):
            start = i if start is None else start
            continue
        if start is not None and i - start > MARK_RUN:
            runs.append(doc[start:i])
        start = None
    if start is not None and len(doc) - start > MARK_RUN:
        runs.append(doc[start:])
    if runs:
        with doc.retokenize() as retokenizer:
            for span in runs:
                retokenizer.merge(span)
    return doc


def _is_mark(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)


def segments(text: str) -> Iterator[str]:
    """``text`` in consecutive pieces: what lies between long runs whole, each long run in MAX_RUN pieces (the last
    one keeps the run's following space, which the tokenizer gives to the run's last token)."""
    start = 0
    for run in LONG_RUN.finditer(text):
        if run.start() > start:
            yield text[start : run.start()]
        end = run.end() + (text[run.end() : run.end() + 1] == " ")
        yield from (text[a:b] for a, b in pairwise([*range(run.start(), run.end(), MAX_RUN), end]))
        start = end
    if start < len(text):
        yield text[start:]


def piece_bounds(doc: Doc, size: int) -> list[tuple[int, int]]:
    """Token ranges of at most ``size`` tokens covering ``doc``, each cut at the last paragraph break in its second
    half, else after the last sentence-final mark there, else at ``size``."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(doc) - start > size:
        window = range(start + size, start + size // 2, -1)
        cut = (next((i for i in window if after_line_break(doc, i)), None)
               or next((i for i in window if ends_sentence(doc[i - 1].text)), start + size))
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(doc)))
    return bounds


def parse_long(nlp: Language, doc: Doc) -> Doc:
    """A document over PARSE_TOKENS tokens parsed piece by piece (``piece_bounds``) and joined into one Doc."""
    parsed: list[Doc] = []
    for start, end in piece_bounds(doc, PARSE_TOKENS):
        check()
        parsed.extend(nlp.pipe([doc[start:end].as_doc()]))
    return Doc.from_docs(parsed, ensure_whitespace=False)


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int, timeout_s: float | None,
                max_tokens: int | None = None) -> Iterator[Parsed]:
    """Each text parsed, in order, within its budget of ``timeout_s`` seconds (None: no limit). Texts are parsed
    in batches of at most ``batch_size`` documents and PARSE_TOKENS tokens (a longer document alone, in pieces);
    each text is charged its tokenizing and its share of its batch's parse by its tokens (the seconds given with
    it); a text that runs out while tokenized or parsed in pieces is given as its ``CodingTimeout``, and one of
    over ``max_tokens`` tokens (None: no limit) as its ``InputRejected``, unparsed."""
    batch: list[tuple[Doc, float]] = []
    for text in texts:
        doc, seconds = _tokenized(nlp, text, timeout_s)
        if isinstance(doc, Doc) and max_tokens is not None and len(doc) > max_tokens:
            doc = InputRejected(f"input has {len(doc):,} tokens; the limit is {max_tokens:,} (--max-chars / 4)")
        full = batch and (len(batch) >= batch_size or not isinstance(doc, Doc)
                          or sum(len(d) for d, _ in batch) + len(doc) > PARSE_TOKENS)
        if full:
            yield from _parse_batch(nlp, batch, batch_size, timeout_s)
            batch = []
        if not isinstance(doc, Doc):
            yield doc, seconds
        else:
            batch.append((doc, seconds))
    if batch:
        yield from _parse_batch(nlp, batch, batch_size, timeout_s)


def _tokenized(nlp: Language, text: str, timeout_s: float | None) -> Parsed:
    started = time.monotonic()
    try:
        with deadline(timeout_s):
            return merge_mark_runs(tokenize(nlp, text)), time.monotonic() - started
    except CodingTimeout as timeout:
        return timeout, time.monotonic() - started


def _parse_batch(nlp: Language, batch: Sequence[tuple[Doc, float]], batch_size: int,
                 timeout_s: float | None) -> list[Parsed]:
    """Parse a batch; a document of over PARSE_TOKENS tokens comes alone and is parsed piece by piece, checking
    its budget between pieces. One ``nlp.pipe`` call (PARSE_TOKENS tokens at most) is not stopped midway: it
    is charged to its documents, whose stages then find their budget spent."""
    started = time.monotonic()
    if len(batch) == 1 and len(batch[0][0]) > PARSE_TOKENS:
        doc, spent = batch[0]
        try:
            with deadline(timeout_s, spent=spent):
                return [(parse_long(nlp, doc), spent + time.monotonic() - started)]
        except CodingTimeout as timeout:
            return [(timeout, spent + time.monotonic() - started)]
    docs = list(nlp.pipe([doc for doc, _ in batch], batch_size=batch_size))
    seconds, tokens = time.monotonic() - started, max(1, sum(map(len, docs)))
    return [(doc, spent + seconds * len(doc) / tokens) for doc, (_, spent) in zip(docs, batch, strict=True)]
