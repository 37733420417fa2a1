"""To whom: the target tokens of a trigger, by the pattern's ordered slots (object, dative, a preposition, the
subtree, a complement clause's subject), and the parties an object noun names ("talks between A and B")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.actors.resolve import TokenMention
from eventwire.events.clauses import (
    OBJECTS,
    is_passive,
    is_reduced_passive,
    passive_agent,
    to_infinitive,
    with_conjuncts,
)
from eventwire.events.locative import PLACE_PART_NOUNS
from eventwire.events.mentions import MentionLookup, generic
from eventwire.knowledge.patterns import Pattern, Patterns
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
# Prepositions through which a target is looked for inside an object phrase that names no actor ("the ban on
# imports of Chilean wine"); not those of place or time, which the locative rule reads (events/locative.py).
INNER_TARGET_PREPS = word_list("inner_target_preps")
# Dependencies followed down an object phrase to an actor named inside it: its modifiers, the objects of its
# prepositions, a participle's "by" agent and prepositions ("curbs imposed on Laos"), a noun conjoined to it.
# Not relative or complement clauses, which tell deeds of their own, nor an apposition, which says more about the
# noun ("freed Juan Soto, a critic of the Peruvian president": the critic is freed, not the president).
INNER_PATH = frozenset({"prep", "pobj", "poss", "compound", "nmod", "amod", "acl", "agent", "conj"})
# Roots of disapproval (CAMEO 11: criticise, condemn, denounce), whose object may be someone's deed.
JUDGING_ROOTS = frozenset({"11"})
# Nouns whose "of" phrase is a deed recalled ("the anniversary of the invasion"): a time, naming no party to the deed.
BACKGROUND_NOUNS = word_list("background_nouns")
# Verbs whose object is the one the deed is done to, never a thing standing for its owner ("called the minister").
PERSON_OBJECT_VERBS = word_list("person_object_verbs")
# Subordinators of a clause that names what the actor waits on ("will not lift the embargo until Cuba frees them").
AWAITED_MARKS = word_list("awaited_marks")
# Clauses that say what a deed is for, on the verb or its object noun ("a hunger strike to protest against X").
PURPOSE_CLAUSES = frozenset({"xcomp", "advcl", "acl", "relcl"})
# Prepositions of the occasion a deed was done at ("agreed, at a summit with Chile, to ..."): setting_preps.tsv.
SETTING_PREPS = word_list("setting_preps")
# CAMEO 143, conduct strike or boycott: what a strike is "for" ("went on strike for better pay at Nokia") is asked
# of the employer, whom the demand phrase names.
STRIKE_CODES = frozenset({"143"})


def target_tokens(tok: Token, anchor: Token, pattern: Pattern, lookup: MentionLookup,
                  deeds: Patterns | None = None) -> list[Token]:
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
        parties = between_objects(passive_subj)
        if parties or not any(c.dep_ == "prep" for c in tok.children):
            return parties
        # "the statues were returned by Chile to Peru": a thing was done to; the pattern's slots say to whom.
    for how in pattern.targets:
        for node in dict.fromkeys((anchor, tok, *prep_objects(tok, pattern))):
            found = targets_by(node, how, lookup)
            # A slot whose words name no actor ("responsibility for the attack") lets the next one try.
            if any(lookup.for_phrase(t, owners=True, places=True) for t in found):
                return found
    # No slot names an actor: one may be named deeper inside what a slot holds ("lifted the ban on imports of
    # Chilean wine", "rejected the plan drafted by the Danish cabinet").
    if "dobj" in pattern.targets and not pattern.complement and pattern.lemma in PERSON_OBJECT_VERBS:
        return []  # "the remarks call into question the engagement of Russia": no one is telephoned
    roots = [*slot_nouns(tok, anchor, pattern), *([anchor] if anchor is not tok and anchor.pos_ == "NOUN" else [])]
    if pattern.code in STRIKE_CODES:
        roots += demand_nouns(tok, anchor, pattern)
    # A part of a place is a place ("the southwest of Baghdad", "a rebel-held part of the city"): the locative rule's.
    roots = [n for n in dict.fromkeys(roots) if n.lemma_.lower() not in PLACE_PART_NOUNS]
    # "France condemned the air strike on Syria": whom a criticised deed was done to is not whom the criticism is
    # aimed at (its author is); the search does not enter a nominal deed under a verb of disapproval.
    judged = deeds is not None and pattern.code[:2] in JUDGING_ROOTS
    deed = frozenset(t.i for n in roots for t in n.subtree
                     if judged and deeds is not None and deeds.for_token(t.lemma_.lower(), "NOUN"))
    return next((found for noun in roots if (found := inner_target(noun, lookup, deed))), [])


def demand_nouns(tok: Token, anchor: Token, pattern: Pattern) -> list[Token]:
    """The nouns of a strike's "for" phrase, on the trigger, its anchor or the noun its preposition names ("went on
    strike for better pay and conditions at Nokia", "stopped work in a strike for higher wages"): what is demanded,
    and of whom."""
    holders = [tok, anchor, *(g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
    return [g for h in dict.fromkeys(holders) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
            for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}]


def inner_target(noun: Token, lookup: MentionLookup, deeds: frozenset[int] = frozenset()) -> list[Token]:
    """The first actor named inside the phrase of an object noun that names none itself, in text order, through
    its modifiers and the prepositions of ``inner_target_preps.tsv`` ("an inquiry into former Peru defender Juan
    Soto": Peru; "curbs imposed on Laos": Laos): the head of the widest mention there, with its conjuncts. Not a
    pronoun ("lifted its ban on ..." names the source), not a capital read as a place, and not a mention of the
    noun itself. Below a token of ``deeds`` (a criticised deed) only its author is looked for: its possessor,
    attributive modifiers and "by" phrase ("condemned the raids carried out by Bolivian rebels")."""
    if noun.lemma_.lower() in BACKGROUND_NOUNS:
        return []  # "marked the anniversary of the Turkish invasion": a time, not a party
    inside: list[Token] = []
    frontier = [(c, noun.i in deeds) for c in noun.children if inner_step(c, noun.i in deeds)]
    while frontier:
        inside += [t for t, _ in frontier]
        frontier = [(c, in_deed or t.i in deeds) for t, in_deed in frontier if t.dep_ != "amod"
                    for c in t.children if inner_step(c, in_deed or t.i in deeds)]
    for t in sorted(inside, key=lambda t: t.i):
        found = [m for m in lookup.by_token.get(t.i, []) if m.mention.kind not in {"pronoun", "place"}
                 and not m.start_i <= noun.i < m.end_i]
        if found:
            widest = max(found, key=lambda m: (m.end_i - m.start_i, -m.start_i))
            return with_conjuncts(noun.doc[widest.head_i])
    return []


def inner_step(c: Token, in_deed: bool = False) -> bool:
    """Whether the search for an actor inside an object phrase goes down to ``c``; ``in_deed``: below a criticised
    deed, where only its author counts."""
    if c.dep_ not in INNER_PATH or c.lemma_.lower() in BACKGROUND_NOUNS or place_part(c):
        return False  # "an air strike against the southwest of Baghdad": a part of a place is the locative rule's
    if c.dep_ == "prep":
        return c.lower_ == "by" if in_deed else c.lower_ in INNER_TARGET_PREPS
    if c.dep_ == "acl":  # a participle ("the plan drafted by"), not a clause of its own ("a plan to invade")
        return c.tag_ == "VBN" and not any(g.dep_ in {"aux", "nsubj", "nsubjpass"} for g in c.children)
    return True


def place_part(tok: Token) -> bool:
    """A common noun naming a part of a place ("the centre of Kabul"); a name is no part ("the Documentation Centre
    of the Chilean bar association")."""
    return tok.lemma_.lower() in PLACE_PART_NOUNS and tok.pos_ != "PROPN"


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
    embargo until Cuba frees the prisoners"), or that clause's passive agent ("until their pay claims are met by
    the ministry"); one clause deeper when its subject is the source itself ("until he is satisfied Iran ...").
    Not for a deed whose own to-clause holds the deed told ("threatened to shell Haifa if Israel hits Beirut":
    Haifa is the target), nor for one in a relative clause, which describes its noun ("the embargo it imposed")."""
    if tok.dep_ == "relcl" or any(c.dep_ in {"xcomp", "advcl"} and to_infinitive(c) for c in tok.children):
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


def conceded_parties(tok: Token, lookup: MentionLookup, sources: Sequence[TokenMention]) -> list[Token]:
    """Whom a yielding deed with no target of its own gives way to: the party its "after" phrase or clause names,
    a deal with them or their own deed ("called off the strike after the agreement with the government", "after
    reaching a deal with the ministry", "after the government accepted their pay claims"). The parser may hang the
    clause on a relative clause of the deed's object ("a strike that had shut the ports after the ministry ...").
    Not the source itself, nor a party the deed's own words tell of ("after being accused")."""
    own = {s.mention.code for s in sources}
    holders = [tok, *(r for o in tok.children if o.dep_ in OBJECTS for r in o.children if r.dep_ == "relcl")]
    for holder in holders:
        for c in holder.children:
            for party in after_parties(c):
                found = lookup.for_phrase(party, owners=True)
                if found is not None and found.mention.code not in own:
                    return with_conjuncts(party)
    return []


def after_parties(c: Token) -> list[Token]:
    """The candidates an "after" child of a deed names: an "after" clause's subject, the parties of an "after"
    phrase's noun ("after talks with X"), of its gerund or of the gerund's object ("after reaching a deal with X")."""
    if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "after" for g in c.children):
        return [g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}][:1]
    if c.dep_ != "prep" or c.lower_ != "after":
        return []
    found: list[Token] = []
    for g in c.children:
        if g.dep_ == "pobj":
            found += between_objects(g, depth=1)
        elif g.dep_ == "pcomp":  # "after signing a deal with X", "after reaching a deal with X"
            found += [*between_objects(g, depth=1),
                      *(p for o in g.children if o.dep_ in OBJECTS for p in between_objects(o, depth=1))]
    return found


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
            if how == "complement":
                nouns += complement_nouns(node)
            elif how == "dobj":
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
        objects = [c for c in node.children if c.dep_ in deps]
        if how == "dative":
            objects = dative_objects(node, objects)
        elif not objects:
            objects = raised_objects(node)
        for k, c in enumerate(objects):
            if lookup.for_phrase(c, owners=True, places=True) is not None:
                if lookup.for_phrase(c, owners=False, places=True) is None:
                    # "will meet his counterpart Italian President Sergio Mattarella", parsed as two objects: the
                    # name says who the counterpart is; the possessor is only whose counterpart.
                    who = next((o for o in objects[k + 1:] if lookup.for_phrase(o, owners=False) is not None), None)
                    if who is not None:
                        return with_conjuncts(who)
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
        stray = next((p for o in objects if (p := trailing_prep(o, word)) is not None), None)
        objs = [g for g in stray.children if g.dep_ == "pobj"] if stray is not None else []
        return with_conjuncts(objs[0]) if objs else setting_party(node, word)
    if how == "complement":
        # "agreed to open its borders to Chilean goods", "refused to answer a request from the Bolivian press"
        return next((with_conjuncts(n) for n in complement_nouns(node) if named(n, lookup)), [])
    if how.startswith("purpose:"):
        # "started a hunger strike to protest against the government", "went on strike, protesting the cuts": the
        # slot of the clause that says what the deed is for.
        slot = how.split(":", 1)[1]
        for c in node.children:
            infinitive = to_infinitive(c)
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


def setting_party(node: Token, word: str) -> list[Token]:
    """The slot's preposition on the occasion the deed was done at ("agreed, in talks in Lima with Peru, to ...",
    "at a summit with Chile, agreed to ..."): its object, when that occasion names no other party."""
    for c in node.children:
        if c.dep_ == "prep" and c.lower_ in SETTING_PREPS:
            for g in (g for g in c.children if g.dep_ == "pobj"):
                objs = [o for p in g.children if p.dep_ == "prep" and p.lower_ == word
                        for o in p.children if o.dep_ == "pobj"]
                if objs:
                    return with_conjuncts(objs[0])
    return []


def trailing_prep(obj: Token, word: str) -> Token | None:
    """The verb's own preposition ``word`` that the parser hung inside its object's modifier, where it ends the
    object ("returned forty statues that date back to the Inca era to Peru", "returned a mask decorated with jade
    to Peruvian officials"): the last such preposition of the object's subtree, on a noun that is itself a
    preposition's object or on a clause of the object that has a modifier before it. Not the clause's only
    phrase: "returned the rifles sold to Chile" says to whom they were sold."""
    preps = [t for t in obj.subtree if t.i > obj.i and t.dep_ == "prep" and t.lower_ == word and t.head.i != obj.i]
    if not preps:
        return None
    last = preps[-1]
    head = last.head
    if head.pos_ == "VERB":
        return last if any(c.i < last.i and c.dep_ in {"prep", "advmod", "dobj", "npadvmod"}
                           for c in head.children if c.i > head.i) else None
    # "engraved with the image of Peter the Great to Russian officials": on a name's apposition as on the name
    named = head.dep_ == "appos" and head.head.dep_ == "pobj" and head.head.pos_ == "PROPN"
    return last if head.pos_ in {"NOUN", "PROPN"} and head.dep_ == "pobj" or named else None


def dative_objects(node: Token, datives: list[Token]) -> list[Token]:
    """Who receives: an indirect object ("granted Chile a loan"), or the object of the "to" phrase of a verb with a
    direct object, the same role ("granted a loan to Chile", "sent a note to the Peruvian envoy"), which the parser
    marks as the dative or as a preposition; the preposition stands for its object."""
    if any(c.dep_ in OBJECTS for c in node.children):
        datives = [*datives, *(c for c in node.children if c.dep_ == "prep" and c.lower_ == "to")]
    found: list[Token] = []
    for c in sorted(datives, key=lambda c: c.i):
        if c.pos_ != "ADP":
            found.append(c)
        else:
            found += [o for o in c.children if o.dep_ == "pobj"][:1]
    return found


def raised_objects(node: Token) -> list[Token]:
    """The object of a verb that the parser made the subject of the verb's to-infinitive clause ("convicted the bank
    to pay a fine": "the bank" is read as the subject of "pay"): the one the deed is done to."""
    return [g for c in node.children if c.dep_ in {"ccomp", "xcomp"}
            and to_infinitive(c)
            for g in c.children if g.dep_ == "nsubj" and g.i < c.i][:1]


def complement_nouns(node: Token) -> list[Token]:
    """The nouns of what a verb agrees to or refuses: the objects of its to-infinitive complement and of that
    complement's prepositions ("agreed to open its borders to Chilean goods"), the object the parser made the subject
    of the complement's own to-clause ("agreed to allow Chilean inspectors to enter"), or the object of its "to"
    ("agreed to a truce with the rebels"); in text order."""
    nouns: list[Token] = []
    for c in node.children:
        if c.dep_ == "xcomp" and to_infinitive(c):
            nouns += [g for g in c.children if g.dep_ in OBJECTS | {"dative"}] + raised_objects(c)
            nouns += [o for g in c.children if g.dep_ in {"prep", "dative"} and g.lower_ in INNER_TARGET_PREPS
                      for o in g.children if o.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "to":
            nouns += [o for o in c.children if o.dep_ == "pobj"]
    return sorted((n for n in nouns if n.pos_ in {"NOUN", "PROPN"}), key=lambda n: n.i)


def complement_span(node: Token) -> set[int]:
    """The tokens of what a verb agrees to or refuses (``complement_nouns``'s clause or "to" phrase)."""
    return {t.i for c in node.children if c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to")
            for t in c.subtree}


def named(noun: Token, lookup: MentionLookup) -> bool:
    """Whether a noun phrase names an actor that is neither a pronoun ("its borders" is the source's) nor a generic
    one ("agreed to accept 500 people", "to set up two hospitals": whom the agreement is with, they do not say)."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return False  # "agreed to reopen its embassies": the source's own
    m = lookup.for_phrase(noun, owners=False, places=True)
    return m is not None and m.mention.kind != "pronoun" and not generic(m)


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


def of_chain(noun: Token, depth: int = 2) -> list[Token]:
    """The noun and the nouns its "of" phrases name, ``depth`` deep ("members of a gang", "a camp of rebels")."""
    chain = [noun]
    for _ in range(depth):
        nxt = next((g for c in chain[-1].children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}), None)
        if nxt is None:
            break
        chain.append(nxt)
    return chain


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
