"""Who did it and to whom: the source and target tokens of a trigger, read from the dependency parse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import PlaceCountry, TokenMention, country_of_place
from eventwire.knowledge.patterns import Pattern
from eventwire.knowledge.words import word_list
from eventwire.nlp.datelines import in_dateline
from eventwire.records import ActorMention

SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "obj", "oprd"}  # spaCy reads "called Prime Minister X" as oprd
# Clauses whose missing subject is the governing verb's subject ("agreed to meet", "after meeting").
CONTROLLED = {"xcomp", "advcl", "pcomp", "conj"}
# The word lists are data (data/words/NAME.tsv; each file's header says what it is for).
# Prepositions whose gerund takes the governing verb's object as subject ("blasted Yerevan for criticizing").
OBJECT_CONTROL_PREPS = word_list("object_control_preps")
# Prepositions by which an object noun names the parties to it ("talks between A and B").
PARTY_PREPS = word_list("party_preps")
# Verbs whose object is a document its subject issues: "issued a statement calling on X" is the issuer's call.
ISSUING_VERBS = word_list("issuing_verbs")
# Documents, whose clauses ("a resolution demanding ...") are their authors' words, not any reader's.
DOCUMENT_NOUNS = word_list("document_nouns")
# Predicate nouns of "take X hostage": an object that does not make a participle active.
CAPTIVE_NOUNS = word_list("captive_nouns")
# Nouns that count what their "of" phrase names ("hundreds of UN troops").
QUANTITY_NOUNS = word_list("quantity_nouns")


class MentionLookup:
    """Which actor mention a token stands for."""

    def __init__(self, mentions: Sequence[TokenMention]) -> None:
        self.by_token: dict[int, list[TokenMention]] = {}
        for m in mentions:
            for i in range(m.start_i, m.end_i):
                self.by_token.setdefault(i, []).append(m)

    def at(self, tok: Token, places: bool = False) -> TokenMention | None:
        """The mention at ``tok``; a capital read as a place only when ``places`` (a slot wants an actor)."""
        found = [m for m in self.by_token.get(tok.i, []) if places or m.mention.kind != "place"]
        return next((m for m in found if m.head_i == tok.i), found[0] if found else None)

    def for_phrase(self, tok: Token, owners: bool, places: bool = False) -> TokenMention | None:
        """The mention a noun phrase headed by ``tok`` refers to; with ``owners``, also 'Lavrov's comments'."""
        direct = self.at(tok, places)
        if direct is not None:
            return direct
        # "Syrian President Bashar Assad Tuesday": a name the parser hung on a neighbouring noun.
        for child in sorted(tok.children, key=lambda c: -c.i):
            if child.dep_ == "appos" or (child.dep_ == "compound" and child.i > tok.i - 4):
                m = self.at(child, places)
                if m is not None:
                    return m
        # "Hundreds of UN troops", "dozens of Israeli soldiers": a quantity stands for what it counts.
        if tok.lemma_.lower() in QUANTITY_NOUNS or tok.pos_ == "NUM":
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    counted = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if counted is not None:
                        return self.for_phrase(counted, owners=False, places=places)
        if owners:
            for child in tok.children:
                if child.dep_ == "poss":
                    return self.at(child)
        return None

    def expand(self, mentions: Sequence[TokenMention], doc: Doc, places: bool) -> list[TokenMention]:
        """The mentions plus those conjoined to their head tokens, each once, in order."""
        out = list(dict.fromkeys(mentions))
        for m in list(out):
            # Conjuncts of the head, and of a word inside the mention ("ambassadors of A, B and C").
            for tok in dict.fromkeys([doc[m.head_i], *doc[m.start_i : m.end_i]]):
                # "The US, Russia, and Switzerland met": the parser may read a list as an apposition.
                listed = [a for a in tok.children if a.dep_ == "appos"
                          and (other := self.at(a)) is not None and other.mention.kind == m.mention.kind == "country"]
                for conj in [*tok.conjuncts, *listed, *(c for a in listed for c in a.conjuncts)]:
                    other = self.for_phrase(conj, owners=False, places=places)
                    if other is not None and other not in out:
                        out.append(other)
        return out


def with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts] if tok.dep_ != "conj" else [tok]


def clause_subjects(node: Token, deps: set[str]) -> list[Token]:
    """The subjects of ``node`` with their conjuncts, nearest first. The parser sometimes gives a verb two
    ("Old foes Gondor and Osgiliath have renewed ties", "The Somali militant group al-Shabab is claiming"):
    each is tried, and the caller keeps those that name an actor. A wire dateline the parser took for a
    subject ("MOSCOW (AP) - Lavrov accused") is passed over."""
    subjects = sorted((c for c in node.children if c.dep_ in deps and not in_dateline(c)),
                      key=lambda c: (c.i > node.i, -c.i if c.i < node.i else c.i))
    return list(dict.fromkeys(t for c in subjects for t in with_conjuncts(c)))


def is_reduced_passive(tok: Token) -> bool:
    """A past participle with no auxiliary modifying the noun it happened to: "US workers seized in Baghdad",
    "troops injured in Iraq have...", "an Italian journalist taken hostage in Iraq". Not when it takes an
    object (a past tense the tagger read as a participle), except "taken hostage/prisoner"."""
    if captive_predicate(tok):
        return True
    if tok.tag_ != "VBN" or any(c.dep_ in {"aux", "auxpass"} for c in tok.children):
        return False
    if any(c.dep_ in OBJECTS and c.lemma_.lower() not in CAPTIVE_NOUNS for c in tok.children):
        return False
    # Only a participle modifying its noun: one heading its own clause is most often a past tense the tagger
    # misread ("Russian students protested in Yerevan"), though headlines also drop the auxiliary.
    return tok.dep_ == "acl"


def captive_predicate(tok: Token) -> bool:
    """"Two French reporters held hostage in Iraq were alive", read by the tagger as a past tense with
    "hostage" as its object: "hold/take/keep" whose only object is "hostage"/"prisoner"/"captive" and which
    has a subject tells what happened to that subject ("X held Y hostage" has Y as an object too)."""
    if tok.lemma_.lower() not in {"hold", "take", "keep"} or any(c.dep_ in {"aux", "auxpass"} for c in tok.children):
        return False
    objects = [c for c in tok.children if c.dep_ in OBJECTS]
    return (len(objects) == 1 and objects[0].lemma_.lower() in CAPTIVE_NOUNS
            and any(c.dep_ == "nsubj" for c in tok.children))


def is_passive(tok: Token) -> bool:
    """A passive verb, or a participle conjoined to one ("were tried and released")."""
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return True
    return tok.dep_ == "conj" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.head.children)


def subject_tokens(tok: Token) -> list[Token]:
    """Subject of ``tok``'s clause, inherited through control and gerund complements.

    A reduced passive ("workers seized in Baghdad") has only its "by" agent: its noun is the patient."""
    if is_reduced_passive(tok):
        agent = passive_agent(tok)
        return with_conjuncts(agent) if agent is not None else []
    node = tok
    for _ in range(6):
        # Up the tree a passive subject is the subject too ("Obama is scheduled to attend").
        deps = SUBJECTS if node is tok else SUBJECTS | {"nsubjpass"}
        found = clause_subjects(node, deps)
        if found:
            return found
        agent = passive_agent(node)
        if agent is not None:
            return with_conjuncts(agent)
        head = node.head
        if head is node:
            return []
        if node.dep_ == "conj" and is_passive(node):
            return []  # "prisoners were tried and released": the shared subject is the patient
        if node.dep_ == "pcomp" and head.lower_ in OBJECT_CONTROL_PREPS:
            obj = next((c for c in head.head.children if c.dep_ in OBJECTS), None)
            if obj is not None:
                return with_conjuncts(obj)
        if node.dep_ == "xcomp" and head.pos_ == "VERB":
            # Object control: "persuaded Putin to support", "forced Armenia to accept": the object acts.
            obj = next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
            if obj is not None:
                return with_conjuncts(obj)
        if node.dep_ == "relcl":
            # "Britons who were released from the camp": a passive clause's noun is its patient.
            return [] if any(c.dep_ == "auxpass" for c in node.children) else [head]
        if node.dep_ == "acl" and head.pos_ == "NOUN":
            # "expressed readiness to support X", "issued a statement calling on X": the subject's; but
            # "vetoed a resolution demanding X" is no demand of the vetoer's: a document's clause speaks for
            # the verb's subject only when that verb issues the document.
            if (head.dep_ in OBJECTS and head.lemma_.lower() in DOCUMENT_NOUNS
                    and head.head.lemma_.lower() not in ISSUING_VERBS):
                return []
            node = head.head if head.dep_ in OBJECTS | {"nsubj", "attr"} else head
            continue
        if node.dep_ in CONTROLLED or (node.dep_ == "pcomp") or head.dep_ == "prep":
            node = head if node.dep_ != "pcomp" else head.head
            continue
        if node.dep_ in {"acomp", "xcomp"}:
            node = head
            continue
        return []
    return []


def passive_agent(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def target_tokens(tok: Token, anchor: Token, pattern: Pattern, lookup: MentionLookup) -> list[Token]:
    """Target of the event per the pattern's ordered target list, looked for on ``anchor`` then ``tok``,
    then on the object of a preposition the pattern names with its lemmas ("advised against travel to X")."""
    if is_reduced_passive(tok):  # "diplomats expelled by Germany": the noun is the patient
        patient = tok.head if tok.dep_ == "acl" else next(c for c in tok.children if c.dep_ == "nsubj")
        return with_conjuncts(patient)
    passive_subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if passive_subj is None and tok.dep_ == "conj" and is_passive(tok) and not any(
            c.dep_ == "nsubj" for c in tok.children):  # "soldiers were captured and killed by Hamas"
        passive_subj = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if passive_subj is not None and passive_agent(tok) is not None:
        if lookup.for_phrase(passive_subj, owners=True) is not None:
            return with_conjuncts(passive_subj)
        return between_objects(passive_subj)
    for how in pattern.targets:
        for node in dict.fromkeys((anchor, tok, *prep_objects(tok, pattern))):
            found = targets_by(node, how, lookup)
            # A slot whose words name no actor ("responsibility for the attack") lets the next one try.
            if any(lookup.for_phrase(t, owners=True, places=True) for t in found):
                return found
    return []


def prep_objects(tok: Token, pattern: Pattern) -> list[Token]:
    """Objects of the preposition a pattern names with lemmas: "travel" in "advised against travel"."""
    if not pattern.prep or "=" not in pattern.prep:
        return []
    word, _, lemmas = pattern.prep.partition("=")
    return [g for c in tok.children if c.dep_ in {"prep", "prt"} and c.lower_ == word
            for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in lemmas.split("|")]


def slot_nouns(tok: Token, anchor: Token, pattern: Pattern, pronouns: bool = False) -> list[Token]:
    """The nouns the pattern's object and prepositional slots hold, actors or not ("the refineries")."""
    nouns: list[Token] = []
    for how in pattern.targets:
        for node in dict.fromkeys((anchor, tok)):
            if how == "dobj":
                nouns += [c for c in node.children if c.dep_ in OBJECTS]
            elif how.startswith("prep:"):
                word = how.split(":", 1)[1]
                nouns += [g for c in node.children if c.dep_ in {"prep", "dative"} and c.lower_ == word
                          for g in c.children if g.dep_ == "pobj"]
    kinds = {"NOUN", "PROPN", "PRON"} if pronouns else {"NOUN", "PROPN"}
    return [n for n in dict.fromkeys(nouns) if n.pos_ in kinds]


def targets_by(node: Token, how: str, lookup: MentionLookup) -> list[Token]:
    if how in {"dobj", "dative"}:
        deps = OBJECTS if how == "dobj" else {"dative", "iobj"}
        for c in node.children:
            if c.dep_ in deps:
                if lookup.for_phrase(c, owners=True, places=True) is not None:
                    return with_conjuncts(c)
                return between_objects(c)
        return []
    if how.startswith("prep:"):
        # On the trigger, else on its object ("agreed to hold talks with France").
        word = how.split(":", 1)[1]
        objects = [c for c in node.children if c.dep_ in OBJECTS]
        for owner in (node, *objects):
            for c in owner.children:
                if c.dep_ in {"prep", "dative"} and c.lower_ == word:
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    return with_conjuncts(objs[0]) if objs else []
        return []
    if how == "subtree":
        return [t for t in node.subtree if t.i > node.i and lookup.at(t) is not None][:1]
    if how == "clause_subject":
        # "wants Putin to attack", "alleged that France was aware": the subject of the complement clause.
        for c in node.children:
            if c.dep_ in {"ccomp", "xcomp"}:
                subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None:
                    return with_conjuncts(subj)
        return []
    return []


def between_objects(noun: Token, depth: int = 2) -> list[Token]:
    """'peace negotiations between Armenia and Azerbaijan', 'evidence against Russia', and one 'of'
    deeper: 'a resumption of ties with Spain'. The parties named by an object noun."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in PARTY_PREPS:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return with_conjuncts(objs[0])
    if depth > 1:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ == "NOUN":
                        return between_objects(g, depth - 1)
    return []


def place_targets(tok: Token, lookup: MentionLookup, place_country: PlaceCountry | None = None) -> list[TokenMention]:
    """'protested in Beijing', 'exercises in Alaska': the country of a place named by a locative phrase
    on ``tok``; a place the knowledge base does not name is looked up with ``place_country``."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "at", "inside"}:
            for obj in (g for g in c.children if g.dep_ == "pobj"):
                found = place_of(obj, lookup, place_country)
                if found is not None:
                    return [found]
    return []


def place_of(obj: Token, lookup: MentionLookup, place_country: PlaceCountry | None = None) -> TokenMention | None:
    """The country of the place ``obj`` names ("Beijing", "Alaska", "the east of the Gaza Strip"), as a place."""
    obj = part_of(obj)
    m = lookup.for_phrase(obj, owners=False, places=True)
    if m is not None and m.mention.country:
        mention = replace(m.mention, code=m.mention.country, sector=None, role=None, kind="place")
        return replace(m, mention=mention)
    country = country_of_place(obj, place_country) if place_country and m is None else None
    return place_mention(obj, country) if country else None


# Nouns naming a part of the place their "of" phrase names ("in the east of the Gaza Strip").
PLACE_PART_NOUNS = word_list("place_part_nouns")


def part_of(obj: Token) -> Token:
    """'the east of the Gaza Strip' is in the Gaza Strip."""
    if obj.lemma_.lower() in PLACE_PART_NOUNS:
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = next((g for g in c.children if g.dep_ == "pobj"), None)
                if inner is not None:
                    return inner
    return obj


def place_mention(obj: Token, country: str) -> TokenMention:
    """A place the gazetteer knows ("Alaska"), standing for its country as an event's target."""
    start = min([obj.i, *(c.i for c in obj.children if c.dep_ == "compound" and c.i < obj.i)])
    span = obj.doc[start : obj.i + 1]
    mention = ActorMention(start=span.start_char, end=span.end_char, text=span.text, id=country.lower(),
                           name=span.text, code=country, country=country, sector=None, role=None, kind="place")
    return TokenMention(start, obj.i + 1, obj.i, mention)


def modifier_sources(tok: Token, lookup: MentionLookup) -> list[TokenMention]:
    """Whose nominal deed it is, read off its own noun phrase: a possessor ("Israel's offensive"), a `by`
    phrase ("an air strike by NATO"), or an attributive nationality, organisation or abbreviation before it
    ("Russian air strikes", "NATO air strikes", "a US drone strike"). Not a country's full name, which
    names the theatre more often than the author ("the Ukraine invasion", "the Gaza offensive"). A
    gerund the parser took for a verb after a preposition's object ("killed in Israeli tank shelling") has
    that object's phrase as its own."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None:
        found = lookup.at(owner)
        return [found] if found is not None else []
    for c in tok.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ == "by":
            for g in c.children:
                if g.dep_ == "pobj" and (found := lookup.for_phrase(g, owners=True)) is not None:
                    return [found]
    doc = tok.doc
    if tok.pos_ in {"NOUN", "PROPN"} or misread_gerund(tok) and not after_object(tok):
        start = tok.left_edge.i
    elif misread_gerund(tok):
        start = doc[tok.i - 1].left_edge.i
    else:
        return []
    for k in range(start, tok.i):
        found = lookup.at(doc[k])
        if found is not None and attributive(doc, found, tok.i):
            return [found]
    return []


def misread_gerund(tok: Token) -> bool:
    """An -ing word tagged as a verb that is a noun: it fills a noun's slot or has a noun's modifiers
    ("Armenian shelling of Ganja killed"), or follows a preposition's object ("killed in Israeli shelling")."""
    if tok.tag_ != "VBG" or any(c.dep_ in SUBJECTS | OBJECTS | {"nsubjpass", "aux", "auxpass"} for c in tok.children):
        return False
    return (after_object(tok) or tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}
            or any(c.dep_ in {"amod", "det", "poss"} for c in tok.children))


def after_object(tok: Token) -> bool:
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.dep_ == "pobj" and prev.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "pobj"


def attributive(doc: Doc, m: TokenMention, before: int) -> bool:
    """A mention that, before a noun, names who does what the noun says."""
    if m.mention.kind in {"organisation", "role"}:
        return True
    words = [t for t in doc[m.start_i : min(m.end_i, before)]]
    first = words[0].text.replace(".", "") if words else ""
    return (any(t.ent_type_ == "NORP" or t.pos_ == "ADJ" for t in words)
            or (len(words) == 1 and 2 <= len(first) <= 4 and first.isupper()))


def as_actor(m: TokenMention) -> TokenMention:
    """A capital taken by an actor slot stands for its government."""
    if m.mention.kind != "place":
        return m
    return replace(m, mention=replace(m.mention, kind="metonym"))
