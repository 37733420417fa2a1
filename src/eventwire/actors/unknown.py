"""Named people and organisations the knowledge base lacks still act: each gets an actor mention from what the
text tells of it: its title or description ("opposition candidate X" -> ``OPP``, "Army chief X of Thailand" ->
``THAMIL``, "X, a rebel commander"), or the words of its own name ("the Delhi Police" -> ``INDCOP``, "the
Libyan National Army" -> ``LBYMIL``), or the country alone when its name has no agent word but gives one ("the
Danish Shipping Registry" -> ``DNK``). A country comes only from the phrase: a demonym, a country or a major
city named in or before the name, or the title's own country. A name the text tells nothing of is left out."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.actors.names import NameIndex, NameMatch, SectorMatch
from eventwire.knowledge.actors import Country, SectorPhrase
from eventwire.knowledge.words import word_list

PlaceCountry = Callable[[str], str | None]
POSSESSIVE = {"'s", "’s", "'", "’"}
ORGANISATION_ENTS = frozenset({"ORG", "NORP"})
# Tokens that may sit between a description and the name it describes ("the rebel X", "rebel leader X").
DETERMINERS = frozenset({"the", "a", "an"})
COMPANY_FORMS = word_list("company_forms")  # data/words/company_forms.tsv: inc, ltd, plc, ag, ...


def company_end(doc: Doc, ent: Span) -> int | None:
    """Where a company's name ends when the name ends with a legal form ("Andes Copper Inc", "Halvorsen Shipping
    Ltd.") or is followed by one the entity left out ("Baltic Timber plc"); None for any other name. A name of
    the form alone ("AG") is none."""
    def form(tok: Token) -> bool:
        return tok.text[:1].isalpha() and tok.lower_.rstrip(".") in COMPANY_FORMS
    if len(ent) > 1 and form(ent[-1]):
        return ent.end
    if ent.end < len(doc) and form(doc[ent.end]) and not doc[ent.end].is_sent_start:
        return ent.end + 1
    return None


def name_sector(doc: Doc, ent: Span, sectors: Sequence[SectorMatch]) -> SectorMatch | None:
    """The agent phrase an organisation's own name is built on, the rightmost ("the Metropolitan Police
    Bureau" -> police, "the Libyan National Army" -> army); none in an "of" tail's object alone unless it is
    all there is ("the Ministry of Health": ministry)."""
    inside = [sm for sm in sectors if ent.start <= sm.start_i and sm.end_i <= ent.end]
    if not inside:
        return None
    of_at = next((t.i for t in ent if t.lower_ == "of"), ent.end)
    before_of = [sm for sm in inside if sm.end_i <= of_at]
    return (before_of or inside)[-1]


def description_before(doc: Doc, ent: Span, index: NameIndex) -> tuple[int, SectorPhrase] | None:
    """A description right before a name, whatever its part of speech ("the rebel X", "militant group X"):
    the longest agent phrase ending at the name. Returns (its first token, the phrase)."""
    for n in range(min(index.max_sector, ent.start), 0, -1):
        start = ent.start - n
        words = tuple(t.lower_ for t in doc[start : ent.start])
        sector = index.sectors.get(words)
        if sector is not None:
            return start, sector
    return None


def name_country(doc: Doc, ent: Span, by_token: dict[int, NameMatch],
                 major_place: PlaceCountry | None) -> tuple[str, str] | None:
    """The country an organisation's name gives, and how: a demonym or country in it or right before it ("the
    Libyan National Army", "Kenya's Federal Police"), else a major place at its start ("the Delhi Police")."""
    k = ent.start - 1
    while k >= 0 and (doc[k].lower_ in DETERMINERS or doc[k].text in POSSESSIVE):
        k -= 1
    for i in [*range(ent.start, ent.end), k]:
        match = by_token.get(i)
        if match is not None and isinstance(match.entry.ref, Country) and match.entry.kind != "capital":
            after = doc[match.end_i] if match.end_i < len(doc) else None
            if match.entry.kind == "demonym":
                return match.entry.ref.iso3, "demonym"
            return match.entry.ref.iso3, "possessive" if after is not None and after.text in POSSESSIVE else "name"
    if major_place is not None:
        first = ent.start + (doc[ent.start].lower_ in DETERMINERS)
        end = first
        while end < ent.end and doc[end].pos_ == "PROPN" and doc[end].lower_ not in DETERMINERS:
            end += 1
        # The longest run of leading proper nouns that names a major place, shortest last: "New York Police".
        for stop in range(end - 1, first, -1):
            country = major_place(doc[first:stop].text)
            if country:
                return country, "place"
    return None
