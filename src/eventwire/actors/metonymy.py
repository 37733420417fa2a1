"""Is a place name an actor (its government or people: "Yerevan hit back") or a location ("in Baku")?"""

from __future__ import annotations

from spacy.tokens import Doc, Token

# Verbs whose subject is the place itself: being somewhere, containing, hosting, receiving weather.
PLACE_SUBJECT_VERBS = frozenset(
    "be lie sit stand border locate situate host contain include cover stretch extend span comprise consist "
    "encompass neighbour neighbor surround boast feature attract experience see suffer receive get enjoy "
    "record rank remain account measure flow overlook house belong lie".split()
)
# Verbs whose object is a location: moving to/through it, ruling or taking territory, naming it.
PLACE_OBJECT_VERBS = frozenset(
    "visit leave enter reach tour cross flee occupy annex capture conquer colonize colonise settle inhabit "
    "explore found rule govern name rename map divide partition serve link connect border surround overlook "
    "cover travel move return emigrate immigrate relocate evacuate bomb shell hit strike raid flood devastate "
    "ravage rebuild build establish discover survey tour depart roam traverse dominate include".split()
)
# Verbs that make a (passive) subject or an object an actor: speech, pressure, conflict, relations.
ACTOR_VERBS = frozenset(
    "accuse blame urge warn criticize criticise condemn denounce support back threaten sanction ask thank "
    "praise invite pressure pressure recognize recognise defeat beat join call tell inform assure reassure "
    "persuade convince force push press demand request advise allow permit prevent stop help aid assist "
    "fight attack invade confront oppose resist challenge reject rebuff snub accuse blast slam rebuke "
    "chide scold lambast castigate reprimand punish reward meet engage negotiate represent play face host "
    "lose sell provide restore fall transfer give hand cede surrender export supply deliver lend pay apologise "
    "apologize appeal write report speak talk say explain promise pledge declare compete debut".split()
)
# Nouns whose possessor or "of"/"to"/"with"/"between" complement is an actor.
ACTOR_NOUNS = frozenset(
    "government leadership leader president premier minister ministry administration regime authorities "
    "authority officials official army military forces troops police navy envoy ambassador embassy "
    "delegation representative spokesman spokesperson spokeswoman policy position stance response reply "
    "decision statement accusation claim demand proposal offer engagement involvement support role interests "
    "interest ally allies relations relation ties tie cooperation sanctions threat threats refusal approach "
    "strategy plan move efforts effort attempt reaction request commitment intention plans refusal warning "
    "criticism objection objections protest complaint appeal call message letter note answer pressure "
    "diplomacy diplomats diplomat side team squad coach captain players player victory win defeat "
    "negotiations negotiation talks talk dialogue deal agreement treaty accord pact dispute disputes "
    "conflict war tensions tension rivalry feud hostility sparring row clash clashes fight rapprochement "
    "normalization normalisation partnership alliance friendship trade aid assistance loans loan help "
    "loyalty loyal allegiance debt ultimatum apology gift sale sales exports imports bid "
    "intervention aggression invasion attack attacks offensive campaign bombardment backing consent "
    "approval veto vote votes recognition response responses intentions ambitions concerns concern view "
    "views opinion independence mission will protection capitulation successor handover loss surrender "
    "program programme conduct resolve process accession match appearance take occupation armistice enemy "
    "enemies rival rivals neighbour neighbours neighbor neighbors opponent opponents debut cap".split()
)
# Nouns whose modifier, possessor or "of"-complement is a location.
PLACE_NOUNS = frozenset(
    "province region city town village capital border borders frontier territory territories area areas "
    "district county state part parts rest north south east west centre center heart outskirts suburb "
    "suburbs streets street road roads coast coastline soil land lands airport port harbour harbor "
    "population people residents inhabitants citizens climate geography history map visit trip tour "
    "journey travel flight route routes corridor enclave exclave mountains river valley island islands "
    "peninsula countryside downtown neighbourhood neighborhood district oblast governorate municipality "
    "hotel hospital university school museum office headquarters base bases camp".split()
)
LOCATIVE_PREPS = frozenset(
    "in at to from near across through inside within into throughout around outside along toward towards "
    "via beyond over under above below off onto past beside among amid amidst out en upon across".split()
)
# Adjectives that make the subject of "be" an actor: "Russia is ready to support".
ACTOR_ADJECTIVES = frozenset(
    "ready willing prepared determined keen eager reluctant unwilling unable able opposed committed "
    "concerned worried confident hopeful interested responsible likely unlikely right wrong aware".split()
)
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})


def role_token(doc: Doc, start_i: int, end_i: int) -> Token:
    """The token whose attachment tells the role: the span's root, lifted over conjuncts and appositions."""
    token = doc[start_i:end_i].root
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    return token


def head_lemma(token: Token) -> str:
    return token.lemma_.lower()


def is_actor_subject(verb: Token) -> bool:
    """Subject of an action or speech verb; not of being, containing or hosting verbs."""
    lemma = head_lemma(verb)
    if lemma == "be" or verb.pos_ == "AUX":
        return any(c.dep_ in ("acomp", "xcomp") and head_lemma(c) in ACTOR_ADJECTIVES for c in verb.children)
    return lemma not in PLACE_SUBJECT_VERBS


def is_actor_object(verb: Token) -> bool:
    lemma = head_lemma(verb)
    if verb.pos_ in ("NOUN", "PROPN"):
        return lemma in ACTOR_NOUNS
    return lemma not in PLACE_OBJECT_VERBS


def is_actor_complement(prep: Token) -> bool:
    """The object of a preposition, judged by the preposition and the word it attaches to."""
    word = prep.lower_
    governor = prep.head
    lemma = head_lemma(governor)
    if word in ("of", "from") and governor.ent_type_ == "PERSON":
        return True  # "President Vladimir Putin of Russia"
    if word == "by" and (prep.dep_ == "agent" or governor.tag_ == "VBN"):
        return True  # "occupied by Germany", "accused by Moscow"
    if lemma in PLACE_NOUNS or lemma in PLACE_SUBJECT_VERBS or lemma in PLACE_OBJECT_VERBS:
        return False
    if word in ("by", "against", "for", "between"):
        return True  # agents, opponents, beneficiaries and parties to a relation
    if word in ("with", "of", "on", "to", "toward", "towards", "over", "from"):
        if lemma in ACTOR_NOUNS or (governor.pos_ == "VERB" and lemma in ACTOR_VERBS):
            return lemma not in PLACE_NOUNS
        if word in ("against", "with") and governor.pos_ == "VERB":
            return True
    return False


def is_government_metonym(doc: Doc, start_i: int, end_i: int) -> bool:
    """True when the name at tokens [start_i, end_i) acts, speaks or is acted on as an actor."""
    token = role_token(doc, start_i, end_i)
    dep = token.dep_
    if dep in SUBJECT_DEPS:
        return is_actor_subject(token.head)
    if dep in PASSIVE_DEPS:
        return head_lemma(token.head) in ACTOR_VERBS - PLACE_OBJECT_VERBS
    if dep in OBJECT_DEPS:
        return is_actor_object(token.head)
    if dep == "poss":
        return head_lemma(token.head) in ACTOR_NOUNS
    if dep == "pobj" and token.head.dep_ in ("prep", "agent", "dative"):
        return is_actor_complement(token.head)
    if dep in ("compound", "nmod", "amod"):
        return head_lemma(token.head) in ACTOR_NOUNS and head_lemma(token.head) not in PLACE_NOUNS
    return False
