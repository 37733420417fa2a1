"""Which actor mention a token or a noun phrase stands for, and a capital taken by an actor slot."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.actors.resolve import TokenMention
from eventwire.knowledge.words import word_list

# Nouns that count what their "of" phrase names ("hundreds of UN troops"), or a group or members of it ("a group
# of Gondorian lawmakers", "members of the Rohan Liberation Front").
QUANTITY_NOUNS = word_list("quantity_nouns") | word_list("group_nouns")


class MentionLookup:
    """Which actor mention a token stands for. ``parties``, when given, makes the uncoded parties of the document
    (actors/parties.py), read only when a deed's slots name no coded actor (``with_parties``)."""

    def __init__(self, mentions: Sequence[TokenMention],
                 parties: Callable[[], Sequence[TokenMention]] | None = None) -> None:
        self.mentions = tuple(mentions)
        self._parties = parties
        self._with_parties: MentionLookup | None = None
        self.by_token: dict[int, list[TokenMention]] = {}
        self.named: dict[str, list[TokenMention]] = {}  # actor id -> its mentions by name (not pronouns)
        for m in mentions:
            if m.mention.kind != "pronoun":
                self.named.setdefault(m.mention.id, []).append(m)
            for i in range(m.start_i, m.end_i):
                self.by_token.setdefault(i, []).append(m)

    def with_parties(self) -> MentionLookup | None:
        """A lookup of these mentions and the document's uncoded parties, made once; None without ``parties``."""
        if self._parties is None:
            return None
        if self._with_parties is None:
            self._with_parties = MentionLookup(sorted([*self.mentions, *self._parties()], key=lambda m: m.start_i))
        return self._with_parties

    def at(self, tok: Token, places: bool = False) -> TokenMention | None:
        """The mention at ``tok``; a capital read as a place only when ``places`` (a slot wants an actor)."""
        found = [m for m in self.by_token.get(tok.i, []) if places or m.mention.kind != "place"]
        return next((m for m in found if m.head_i == tok.i), found[0] if found else None)

    def for_phrase(self, tok: Token, owners: bool, places: bool = False) -> TokenMention | None:
        """The mention a noun phrase headed by ``tok`` refers to; with ``owners``, also 'Lavrov's comments'."""
        direct = self.at(tok, places)
        if direct is not None and not generic(direct):
            return direct
        # "the minister, Calimehtar,": a name in apposition says who a generic title is.
        named = next((m for c in tok.children if c.dep_ == "appos" and (m := self.at(c, places)) is not None
                      and not generic(m)), None)
        if direct is not None:
            return named or direct
        # "Syrian President Bashar Assad Tuesday": a name the parser hung on a neighbouring noun.
        for child in sorted(tok.children, key=lambda c: -c.i):
            if child.dep_ == "appos" or (child.dep_ == "compound" and child.i > tok.i - 4):
                m = self.at(child, places)
                if m is not None:
                    return m
        # "Hundreds of UN troops", "dozens of Israeli soldiers", "members of the Front": a quantity or a group
        # stands for what it counts.
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

    def by_name(self, m: TokenMention, doc: Doc) -> TokenMention:
        """The mention by name of the referent a pronoun stands for, when its sentence names it ("Norway said
        it would send aid": the deed's source is "Norway", not "it"); the nearest before the pronoun, else after
        it ('"We will help," Vucic said'). One referent, one actor: its code is the same either way, and the
        record's event points at the words that say who. Anything else, or a referent named only in another
        sentence, is kept."""
        if m.mention.kind != "pronoun":
            return m
        sent = doc[m.start_i].sent
        same = [n for n in self.named.get(m.mention.id, []) if sent.start <= n.start_i and n.end_i <= sent.end]
        before = [n for n in same if n.end_i <= m.start_i]
        after = [n for n in same if n.start_i >= m.end_i]
        return before[-1] if before else after[0] if after else m

    def expand(self, mentions: Sequence[TokenMention], doc: Doc, places: bool,
               limit: int | None = None) -> list[TokenMention]:
        """The mentions plus those conjoined to their head tokens, each once, in order; at most ``limit``.

        Linear in the list's length: each token's conjuncts are read once (a list of hundreds of names
        made this cubic, issue 16)."""
        out = list(dict.fromkeys(mentions))
        seen = set(out)
        visited: set[int] = set()
        for m in list(out):
            # Conjuncts of the head, and of a word inside the mention ("ambassadors of A, B and C").
            for tok in dict.fromkeys([doc[m.head_i], *doc[m.start_i : m.end_i]]):
                if tok.i in visited:
                    continue
                # "The US, Russia, and Switzerland met": the parser may read a list as an apposition.
                listed = [a for a in tok.children if a.dep_ == "appos"
                          and (other := self.at(a)) is not None and other.mention.kind == m.mention.kind == "country"]
                chain = [*tok.conjuncts, *listed, *(c for a in listed for c in a.conjuncts)]
                visited.add(tok.i)
                visited.update(c.i for c in tok.conjuncts)  # a chain's members share it: read it once
                for conj in chain:
                    if limit is not None and len(out) >= limit:
                        return out
                    other = self.for_phrase(conj, owners=False, places=places)
                    if other is not None and other not in seen:
                        seen.add(other)
                        out.append(other)
        return out if limit is None else out[:limit]


def generic(m: TokenMention) -> bool:
    """A generic actor: an agent noun tied to no country ("the minister", "police"), or an uncoded party told by a
    description with none ("a woman", "the company"; actors/parties.py), not by a name."""
    return (m.mention.basis == "agent-noun" or m.mention.basis == "text" and m.mention.kind == "role") and (
        m.mention.country is None)


def uncoded(m: TokenMention | None) -> bool:
    """An uncoded party (actors/parties.py): a party the text names and the knowledge base cannot code."""
    return m is not None and m.mention.basis == "text"


def as_actor(m: TokenMention) -> TokenMention:
    """A capital taken by an actor slot stands for its government."""
    if m.mention.kind != "place":
        return m
    return replace(m, mention=replace(m.mention, kind="metonym"))
