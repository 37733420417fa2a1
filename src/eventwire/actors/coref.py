"""Local coreference: who 'he', 'she', 'it' and 'they' are, looked for near the pronoun and nowhere else.

An antecedent is a resolved actor mention or a person or organisation the text names that the knowledge
base lacks (then it has a name and no mention: whoever asks gets "that person", never a known actor
guessed in its place). The search stays in the pronoun's paragraph, and goes to the paragraph before only
when its own has none; names inside quotation marks are not antecedents of a pronoun outside them
("'I appeal to President X,' she said" is not X speaking). Candidates must agree with the pronoun:
person or body, singular or plural, and gender where a first name or a title tells it
(``data/words/person_genders.tsv``). See docs/quotes.md ("Coreference").
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Container, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.knowledge.words import word_list, word_map
from eventwire.nlp.arrays import token_arrays
from eventwire.records import ActorMention

GENDERS = word_map("person_genders")
NAME_TITLES = word_list("name_titles")
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = word_list("plural_pronouns")
SINGULAR_BODY_PRONOUNS = word_list("body_pronouns")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
BODY_KINDS = frozenset({"country", "organisation", "metonym", "role"})
OPENING = frozenset({"“", "«", "„", "``"})
CLOSING = frozenset({"”", "»", "''"})
MAX_DISTANCE = 250  # tokens: a paragraph of news is far shorter; this bounds the cost on pathological input


@dataclass(frozen=True)
class Candidate:
    """Something a pronoun may stand for: a resolved mention, or a named person or body with no actor."""

    start_i: int
    end_i: int
    head_i: int
    name: str
    mention: ActorMention | None
    person: bool
    plural: bool
    gender: str | None  # "m", "f" or None when the text does not tell
    quoted: bool  # inside quotation marks
    subject: bool  # the subject of its clause


def quoted_tokens(doc: Doc) -> list[bool]:
    """Per token: inside double quotation marks (curly, straight, guillemets, typewriter ``''``).

    A token-level reading of the marks, reset at each paragraph end; ``quotes/marks.py`` is the full one.
    """
    arrays = token_arrays(doc)
    out: list[bool] = []
    inside = False
    for text, space, ws in zip(arrays.text, arrays.is_space, arrays.whitespace, strict=True):
        if space and "\n" in text:
            inside = False
            out.append(False)
            continue
        if text in OPENING or text == '"' and not inside:
            out.append(False)
            inside = True
        elif text in CLOSING or text == '"' and inside:
            out.append(False)
            inside = False
        else:
            out.append(inside)
        if "\n" in ws:
            inside = False
    return out


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


def name_start(tok: Token) -> int:
    """First token of the proper name ending at ``tok`` (its compound proper nouns to the left)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            start = min(start, child.i)
    return start


def namesake_start(doc: Doc, start_i: int, head_i: int, mention: ActorMention, covered: Container[int]) -> int | None:
    """'Ivanka Trump' matched as Donald Trump by its surname: where the text's own full name starts, when the proper
    nouns just before the mention (one or two capitalised words, of no other mention in ``covered``, of no entity
    but a person, and no title: ``data/words/name_titles.tsv``) are no word of the mention's name; else None.
    Such a name is someone the knowledge base lacks, not the known person."""
    first = name_start(doc[head_i])
    words = mention.name.lower().split()
    if mention.kind != "person" or first >= start_i or len(words) < 2 or start_i - first > 2:
        return None
    extra = doc[first:start_i]
    if all(t.ent_type_ in ("PERSON", "") and t.is_alpha and t.is_title and t.lower_ not in words
           and t.lower_ not in NAME_TITLES and t.i not in covered for t in extra):
        return first
    return None


def paragraph_ids(doc: Doc) -> list[int]:
    """Per token: the number of its paragraph (a line break ends one)."""
    arrays = token_arrays(doc)
    out, para = [], 0
    for text, space, ws in zip(arrays.text, arrays.is_space, arrays.whitespace, strict=True):
        if space and "\n" in text:
            out.append(para)
            para += 1
            continue
        out.append(para)
        if "\n" in ws:
            para += 1
    return out


def gender_of(doc: Doc, start_i: int, end_i: int, name: str) -> str | None:
    """'m'/'f' from a title just before the span ("Mrs. Lopez", "spokeswoman Ana Ruiz"), else a title or first
    name inside it. The last word of a name is its surname ("Rakeyia Scott" tells nothing by "Scott"), and so is
    a name of one word ("an unseen Scott")."""
    for k in range(start_i - 1, max(-1, start_i - 3), -1):  # two words back, not past punctuation ("Scott. Ana")
        tok = doc[k]
        if tok.is_punct or doc[k + 1].is_sent_start:
            break
        if tok.lower_ in GENDERS:
            return GENDERS[tok.lower_]
    words = name.split()
    for word in [*words[:1][:len(words) - 1], *(t.lower_ for t in doc[start_i:end_i - 1])]:
        if word.lower() in GENDERS:
            return GENDERS[word.lower()]
    return None


def pronoun_positions(doc: Doc) -> tuple[list[int], list[int]]:
    """The token indices of the male and of the female personal pronouns (tagged PRON) of ``doc``, in order."""
    arrays = token_arrays(doc)
    pronouns = [(i, w) for i, (w, pos) in enumerate(zip(arrays.lower, arrays.pos, strict=True)) if pos == "PRON"]
    return [i for i, w in pronouns if w in MALE_PRONOUNS], [i for i, w in pronouns if w in FEMALE_PRONOUNS]


class Context:
    """The candidates of one document, with its paragraphs, sentences and quotation marks, built once."""

    def __init__(self, doc: Doc, mentions: Sequence[tuple[int, int, int, ActorMention]]) -> None:
        self.doc = doc
        self.quoted = quoted_tokens(doc)
        self.paragraph = paragraph_ids(doc)
        self.sentence_starts = [s.start for s in doc.sents]
        self.candidates = self._with_holders(self._candidates(mentions))
        self._chained: dict[int, Candidate | None] = {}  # pronoun token -> its antecedent, for pronoun chains
        # The he/him/his and she/her/hers pronouns of the document in order ([male, female]), for the chains: a
        # walk back over every token from each pronoun cost more than the rest of the coreference.
        self._pronouns = pronoun_positions(doc)
        # Surnames of people named in full whom the knowledge base does not hold (uncoded, or coded from the
        # text: "Laura Finch, a nurse"): "Finch said" later is the same person.
        self.by_surname = {c.name.split()[-1]: c for c in self.candidates if c.person and len(c.name.split()) > 1
                           and (c.mention is None or c.mention.basis not in (None, "kb"))}
        self.surnames = {surname: c.name for surname, c in self.by_surname.items()}

    def _candidate(self, start_i: int, end_i: int, head_i: int, name: str, mention: ActorMention | None,
                   person: bool, plural: bool) -> Candidate:
        head = self.doc[head_i]
        gender = gender_of(self.doc, start_i, end_i, name) if person else None
        return Candidate(start_i, end_i, head_i, name, mention, person, plural, gender, self.quoted[head_i],
                         head.dep_ in SUBJECT_DEPS)

    def _candidates(self, mentions: Sequence[tuple[int, int, int, ActorMention]]) -> list[Candidate]:
        doc = self.doc
        out: list[Candidate] = []
        taken: set[int] = set()
        covered = {k for start_i, end_i, _, _ in mentions for k in range(start_i, end_i)}
        for start_i, end_i, head_i, m in mentions:
            if m.kind in {"place", "pronoun"}:
                continue
            taken.update(range(start_i, end_i))
            plural = doc[head_i].tag_ in {"NNS", "NNPS"}
            person = m.kind == "person" or (m.kind == "role" and m.role is not None and not plural)
            other = namesake_start(doc, start_i, head_i, m, covered)
            if other is not None:  # "Ivanka Trump" is not Donald Trump: a named person with no actor
                taken.update(range(other, start_i))
                out.append(self._candidate(other, end_i, head_i, doc[other:end_i].text, None, True, False))
            elif m.kind == "person" or m.kind in BODY_KINDS:
                out.append(self._candidate(start_i, end_i, head_i, m.name, m, person, plural))
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "NORP"} or any(i in taken for i in range(ent.start, ent.end)):
                continue
            words = [t for t in ent if t.tag_ != "POS" and not t.is_punct]
            if not words:
                continue
            name = " ".join(t.text for t in words)
            person = ent.label_ == "PERSON"
            plural = ent.label_ == "NORP" or ent.root.tag_ in {"NNS", "NNPS"}
            out.append(self._candidate(ent.start, ent.end, ent.root.i, name, None, person, plural))
            taken.update(range(ent.start, ent.end))
        deps = token_arrays(doc).dep
        for i in range(len(doc)):
            if i in taken or deps[i] not in SUBJECT_DEPS:
                continue
            tok = doc[i]
            if tok.tag_ == "NNS":  # "protesters said they": an unnamed group is a plural antecedent too
                out.append(self._candidate(tok.i, tok.i + 1, tok.i, tok.text, None, False, True))
            elif (tok.pos_ == "PROPN" and tok.ent_type_ not in PLACE_LABELS  # a name the tagger missed,
                  and not any(c.dep_ == "det" for c in tok.children)):  # not "the Amendment"
                start = name_start(tok)
                name = doc[start:tok.i + 1].text
                out.append(self._candidate(start, tok.i + 1, tok.i, name, None, True, False))
        out.sort(key=lambda c: c.start_i)
        return out

    def _with_holders(self, candidates: list[Candidate]) -> list[Candidate]:
        """An unnamed office ("the minister", "the attorney general") stands for the person who holds it in the
        text: the name in apposition to it ("The minister, Mr. Guajardo Villarreal,"), else the nearest earlier
        person whose role or title has its noun. The candidate keeps its place and takes that person's identity."""
        persons = [c for c in candidates if c.person and c.mention is not None and c.mention.kind == "person"
                   or c.person and c.mention is None]
        out: list[Candidate] = []
        for c in candidates:
            m = c.mention
            if m is None or m.kind != "role" or m.basis != "agent-noun" or not c.person:
                out.append(c)
                continue
            head = self.doc[c.head_i]
            appos = [p for p in persons if any(p.start_i <= k.i < p.end_i for k in head.children
                                               if k.dep_ == "appos")]
            holder = appos[0] if appos else self._title_holder(head, [p for p in persons if p.end_i <= c.start_i],
                                                               m.country)
            out.append(c if holder is None else dataclasses.replace(
                c, name=holder.name, mention=holder.mention, gender=holder.gender or c.gender))
        return out

    def _title_holder(self, head: Token, earlier: list[Candidate], country: str | None) -> Candidate | None:
        """The nearest of ``earlier`` persons whose role or the words just before the name have ``head``'s noun
        (and the same country, when both are known); outside quotes unless ``head`` is inside them."""
        word = head.lemma_.lower()
        for c in reversed(earlier):
            if c.quoted and not self.quoted[head.i]:
                continue
            if country and c.mention is not None and c.mention.country and c.mention.country != country:
                continue
            if self._has_title(c, word):
                return c
        return None

    def _has_title(self, c: Candidate, word: str) -> bool:
        """Whether ``word`` (a title noun's lemma) is in ``c``'s role or in the words just before and of its name."""
        role = (c.mention.role or "").lower() if c.mention else ""
        title = " ".join(t.lower_ for t in self.doc[max(0, c.start_i - 3):c.end_i])
        return word in role.split() or word in title.split()

    def full_name(self, name: str) -> str:
        """A surname alone ("Lopez said") read as the full name given earlier in the text ("Ana Lopez")."""
        return self.surnames.get(name, name)

    def sentence_of(self, i: int) -> int:
        return bisect.bisect_right(self.sentence_starts, i) - 1

    def antecedent(self, tok: Token) -> Candidate | None:
        """The nearest compatible antecedent of pronoun ``tok`` in its paragraph, else the one before; None if none."""
        word = tok.lower_
        if word in MALE_PRONOUNS or word in FEMALE_PRONOUNS:
            gender = "m" if word in MALE_PRONOUNS else "f"

            def fits(c: Candidate) -> bool:
                return c.person and not c.plural and c.gender in (None, gender)
        elif word in PLURAL_PRONOUNS:
            def fits(c: Candidate) -> bool:
                return c.plural or not c.person
        elif word in SINGULAR_BODY_PRONOUNS:
            def fits(c: Candidate) -> bool:
                return not c.person and not c.plural
        else:
            return None
        para = self.paragraph[tok.i]
        inside = self.quoted[tok.i]
        pool = [c for c in self.candidates + self._chain(tok) if c.end_i <= tok.i and tok.i - c.end_i < MAX_DISTANCE
                and fits(c) and (inside or not c.quoted) and self.paragraph[c.head_i] in (para, para - 1)]
        pool.sort(key=lambda c: c.start_i)
        here = [c for c in pool if self.paragraph[c.head_i] == para]
        for group in (here, [c for c in pool if self.paragraph[c.head_i] == para - 1]):
            found = self._pick(tok, group)
            if found is not None:
                return found
        return None

    def _chain(self, tok: Token) -> list[Candidate]:
        """Earlier he/she of the same gender in the pronoun's paragraph or the one before, each standing (at its own
        place) for its own antecedent: 'Fowler ... he said ... he argued.\n\n"...," he said' is Fowler throughout."""
        word = tok.lower_
        same = MALE_PRONOUNS if word in MALE_PRONOUNS else FEMALE_PRONOUNS if word in FEMALE_PRONOUNS else None
        if same is None:
            return []
        para = self.paragraph[tok.i]
        out: list[Candidate] = []
        earlier = self._pronouns[same is FEMALE_PRONOUNS]  # those of the same gender, nearest last
        nearest = earlier[bisect.bisect_left(earlier, tok.i - MAX_DISTANCE + 1):bisect.bisect_left(earlier, tok.i)]
        for k in reversed(nearest):
            if self.paragraph[k] < para - 1:
                break
            other = self.doc[k]
            if k not in self._chained:
                self._chained[k] = None  # guards the recursion
                self._chained[k] = self.antecedent(other)
            found = self._chained[k]
            if found is not None:
                out.append(dataclasses.replace(found, start_i=k, end_i=k + 1, head_i=k, quoted=self.quoted[k],
                                               subject=other.dep_ in SUBJECT_DEPS))
        return out

    def continues_speaker(self, tok: Token, earlier_i: int, name: str, paragraphs: int = 1) -> bool:
        """Whether pronoun ``tok`` may be the speaker last quoted at token ``earlier_i`` (named ``name``): at most
        ``paragraphs`` paragraphs before, and not of the other gender."""
        if not 0 <= self.paragraph[tok.i] - self.paragraph[earlier_i] <= paragraphs:
            return False
        first = name.split()[0].lower() if len(name.split()) > 1 else ""  # one word is a surname
        want = "m" if tok.lower_ in MALE_PRONOUNS else "f" if tok.lower_ in FEMALE_PRONOUNS else None
        return want is None or GENDERS.get(first) in (None, want)

    def in_sentence_of(self, c: Candidate, tok: Token) -> bool:
        return self.sentence_of(c.head_i) == self.sentence_of(tok.i)

    def pair(self, tok: Token) -> list[Candidate] | None:
        """'the two leaders', 'both ministers': the two nearest different people before the noun, in its paragraph
        or the one before (outside quotes unless the noun is inside them): those whose role or title has the noun
        when two have it, else the two of the nearest sentence naming people ("Putin met Pashinyan"); None when
        the noun counts no two or two such people are not there (never one person with another from further)."""
        counted = any(c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj")
                      or c.lower_ == "two" and c.dep_ == "nummod" for c in tok.children)
        if not counted or tok.tag_ != "NNS":
            return None
        para, inside, word = self.paragraph[tok.i], self.quoted[tok.i], tok.lemma_.lower()
        pool: list[Candidate] = []
        for c in reversed(self.candidates):
            if c.end_i > tok.i or not c.person or c.plural or c.quoted and not inside:
                continue
            if self.paragraph[c.head_i] < para - 1 or tok.i - c.end_i >= MAX_DISTANCE:
                break
            if all(c.name != other.name for other in pool):
                pool.append(c)

        def titled(c: Candidate) -> bool:
            role = (c.mention.role or "").lower() if c.mention else ""
            title = " ".join(t.lower_ for t in self.doc[max(0, c.start_i - 3):c.end_i])
            return word in role.split() or word in title.split()

        holders = [c for c in pool if titled(c)]
        if len(holders) >= 2:
            return holders[:2][::-1]
        # a noun no one holds as a title ("leaders"): the two people of the nearest sentence that names people
        if len(pool) >= 2 and self.sentence_of(pool[0].head_i) == self.sentence_of(pool[1].head_i):
            return pool[:2][::-1]
        return None

    def titled(self, tok: Token) -> Candidate | None:
        """'the president said': the nearest earlier person, outside quotes, whose role or title has the noun."""
        word = tok.lemma_.lower()
        for c in reversed(self.candidates):
            if c.end_i > tok.i or not c.person or c.quoted and not self.quoted[tok.i]:
                continue
            if self._has_title(c, word):
                return c
        return None

    def _pick(self, tok: Token, pool: list[Candidate]) -> Candidate | None:
        if not pool:
            return None
        sentence = self.sentence_of(tok.i)
        same = [c for c in pool if self.sentence_of(c.head_i) == sentence]
        if same:
            target = same[-1]
            subj = _clause_subject(tok)
            subj_c = next((c for c in same if subj is not None and c.start_i <= subj.i < c.end_i), None)
            if tok.dep_ == "poss" and subj_c is not None:
                return subj_c
            if tok.dep_ in {"dobj", "pobj", "dative"} and subj_c is not None and target is subj_c:
                others = [c for c in same if c.name != subj_c.name]
                return others[-1] if others else target
            return target
        last = max(self.sentence_of(c.head_i) for c in pool)
        previous = [c for c in pool if self.sentence_of(c.head_i) == last]
        subjects = [c for c in previous if c.subject]
        return (subjects or previous)[0]


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the nearest verb governing ``tok``, following control up the tree."""
    node = tok.head
    for _ in range(8):
        subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return subj
        if node.head is node:
            return None
        node = node.head
    return None
