"""To whom: the target tokens of a trigger, by the pattern's ordered slots (object, dative, a preposition, the
subtree, a complement clause's subject), and the parties an object noun names ("talks between A and B")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.actors.resolve import TokenMention
from eventwire.events.clauses import OBJECTS, is_passive, is_reduced_passive, passive_agent, with_conjuncts
from eventwire.events.mentions import MentionLookup
from eventwire.knowledge.patterns import Pattern
from eventwire.knowledge.words import word_list

# Prepositions by which an object noun names the parties to it ("talks between A and B").
PARTY_PREPS = word_list("party_preps")
# Prepositions by which an object noun names whose it is ("rejected a proposal by Germany").
OWNER_PREPS = word_list("owner_preps")
OF_OWNER_NOUNS = word_list("of_owner_nouns")
# Prepositions by which a deed done with one's own forces names whom it is done to ("sent troops to Mali").
FORCE_PREPS = word_list("force_preps")
FORCE_SECTORS = frozenset({"MIL", "COP"})  # CAMEO sector codes of armed and police forces
# Dependencies followed from a trigger to an "against" phrase: "mobilized troops for a war against Iraq".
AGAINST_PATH = frozenset({"prep", "pobj", "dobj", "acl", "relcl", "xcomp", "advcl"})
# Subordinators of a clause that names what the actor waits on ("will not lift the embargo until Cuba frees them").
AWAITED_MARKS = word_list("awaited_marks")
# Clauses that say what a deed is for, on the verb or its object noun ("a hunger strike to protest against X").
PURPOSE_CLAUSES = frozenset({"xcomp", "advcl", "acl", "relcl"})


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


def own_force(target: TokenMention, sources: Sequence[TokenMention]) -> bool:
    """An armed or police force named by an agent noun ("troops", "the army", "police") of no country or of a
    source's own: the means of the deed, not whom it is done to ("Israel mobilized the army")."""
    m = target.mention
    return (m.sector in FORCE_SECTORS and m.basis == "agent-noun" and target not in sources
            and (m.country is None or m.country in {s.mention.country for s in sources}))


def force_destinations(tok: Token, lookup: MentionLookup) -> list[Token]:
    """Whom a deed done with one's own forces is done to: the object of a ``force_preps`` preposition on the
    trigger ("sent peacekeepers to Mali", "withdrew troops from Lebanon"), else of an "against" phrase a few
    steps down ("mobilized troops for a war against Iraq", "for a possible order to move against Syria")."""
    for c in tok.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ in FORCE_PREPS:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and lookup.for_phrase(objs[0], owners=True, places=True) is not None:
                return with_conjuncts(objs[0])
    frontier = [tok]
    for _ in range(4):
        below = [c for n in frontier for c in n.children if c.dep_ in AGAINST_PATH]
        for c in below:
            if c.dep_ == "prep" and c.lower_ == "against":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs and lookup.for_phrase(objs[0], owners=True, places=True) is not None:
                    return with_conjuncts(objs[0])
        frontier = below
    return []


def awaited_parties(tok: Token, lookup: MentionLookup, sources: Sequence[TokenMention]) -> list[Token]:
    """Whom a refused, promised or conditioned deed is addressed to: the subject of its "until"/"unless"/"if"
    clause, the deed it waits on ("will not end the strike until the government raises pay", "will not lift the
    embargo until Cuba frees the prisoners"), or that clause's passive agent ("until their demands are met by
    the ministry"); one clause deeper when its subject is the source itself ("until he is satisfied Iran ...").
    Not for a deed whose own to-clause holds the deed told ("threatened to shell Haifa if Israel hits Beirut":
    Haifa is the target), nor for one in a relative clause, which describes its noun ("the embargo it imposed")."""
    if tok.dep_ == "relcl" or any(c.dep_ in {"xcomp", "advcl"} and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                      for g in c.children) for c in tok.children):
        return []
    own = {s.mention.code for s in sources}
    for clause in (c for c in tok.children if c.dep_ == "advcl"):
        if not any(g.dep_ == "mark" and g.lower_ in AWAITED_MARKS for g in clause.children):
            continue
        for node in (clause, *(g for g in clause.children if g.dep_ == "ccomp")):
            subj = next((g for g in node.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
            agent = passive_agent(node)
            for party in (agent, subj) if agent is not None else (subj,):
                found = lookup.for_phrase(party, owners=True) if party is not None else None
                if found is not None and found.mention.code not in own:
                    return with_conjuncts(party)  # type: ignore[arg-type]
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
                return between_objects(c) or owner_objects(c) if how == "dobj" else between_objects(c)
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
    if how.startswith("purpose:"):
        # "started a hunger strike to protest against the government", "went on strike, protesting the cuts": the
        # slot of the clause that says what the deed is for.
        slot = how.split(":", 1)[1]
        for c in node.children:
            infinitive = any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            if c.dep_ in PURPOSE_CLAUSES and (c.tag_ == "VBG" or infinitive):
                return targets_by(c, "dobj" if slot == "dobj" else f"prep:{slot}", lookup)
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


def owner_objects(noun: Token) -> list[Token]:
    """'rejected a proposal by Germany', 'welcomed an offer from France': whose the object is; by "of" only for
    the nouns of data/words/of_owner_nouns.tsv ('rejected the call of the European Parliament', 'demanded the
    release of the journalists')."""
    of_too = noun.lemma_.lower() in OF_OWNER_NOUNS
    for c in noun.children:
        if c.dep_ == "prep" and (c.lower_ in OWNER_PREPS or (of_too and c.lower_ == "of")):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return with_conjuncts(objs[0])
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
