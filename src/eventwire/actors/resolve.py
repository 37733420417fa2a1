"""Resolve the actors a parsed document mentions: names, metonyms, sector phrases and pronouns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from eventwire.actors.coref import Context
from eventwire.actors.names import NameIndex, NameMatch, SectorMatch
from eventwire.knowledge.actors import Actor, Country, Institution
from eventwire.knowledge.words import word_list
from eventwire.records import ActorMention

MetonymTest = Callable[[Doc, int, int], bool]
PlaceCountry = Callable[[str], str | None]

POSSESSIVE = {"'s", "’s", "'", "’"}
PERSON_PRONOUNS = word_list("person_pronouns")  # data/words/NAME.tsv: each header says what it is for
BODY_PRONOUNS = word_list("body_pronouns")
EXPLETIVE_HEADS = word_list("expletive_heads")
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj"}  # a noun phrase's head, not a modifier


@dataclass(frozen=True)
class TokenMention:
    """An actor mention together with its token span and head token in the parsed document."""

    start_i: int
    end_i: int
    head_i: int
    mention: ActorMention


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def resolve_actors(
    doc: Doc, index: NameIndex, day: date | None, is_metonym: MetonymTest, place_country: PlaceCountry | None = None
) -> list[TokenMention]:
    """Every resolved actor mention in ``doc``, in text order, coded as of ``day``.

    ``place_country`` gives the country of a place name ("Nablus" -> PSE), so that "the mayor of
    Nablus" or "officials in Aleppo" are tied to a country; without it only countries and capitals are.
    """
    names = index.match_names(doc)
    by_token = {i: m for m in names for i in range(m.start_i, m.end_i)}
    found: list[TokenMention] = []
    for match in names:
        mention = mention_for_name(doc, match, day, is_metonym)
        if mention:
            found.append(mention)
    taken = {i for m in found for i in range(m.start_i, m.end_i)}
    sector_mentions: dict[int, TokenMention] = {}
    left = [sm for sm in index.match_sectors(doc) if not any(i in taken for i in range(sm.start_i, sm.end_i))]
    # Twice: a phrase tied to a later one ("ministers from the Georgian government") waits for it.
    for _ in range(2):
        waiting = []
        for sm in left:
            mention = mention_for_sector(doc, sm, by_token, found, sector_mentions, index.country_names,
                                         place_country)
            if mention:
                sector_mentions[sm.end_i - 1] = mention
            else:
                waiting.append(sm)
        left = waiting
    found.extend(sector_mentions.values())
    found.extend(demonym_phrases(doc, names, found))
    found.extend(titled_people(doc, found))
    found = one_per_referent(doc, found)
    found.sort(key=lambda m: m.start_i)
    found.extend(resolve_pronouns(doc, found))
    found.sort(key=lambda m: m.start_i)
    return found


def make_mention(doc: Doc, start_i: int, end_i: int, head_i: int, **fields: object) -> TokenMention:
    span = doc[start_i:end_i]
    mention = ActorMention(start=span.start_char, end=span.end_char, text=span.text, **fields)  # type: ignore[arg-type]
    return TokenMention(start_i, end_i, head_i, mention)


def mention_for_name(doc: Doc, match: NameMatch, day: date | None, is_metonym: MetonymTest) -> TokenMention | None:
    ref, kind, s, e = match.entry.ref, match.entry.kind, match.start_i, match.end_i
    if isinstance(ref, Actor):
        role = ref.role_on(day)
        if role is None:
            return None
        return make_mention(doc, s, e, e - 1, id=ref.id, name=ref.name, code=role.code, country=role.country,
                            sector=role.sector, role=role.role, kind=ref.kind)
    if isinstance(ref, Institution):
        return make_mention(doc, s, e, e - 1, id=slug(f"{ref.country}-{ref.phrase}"),
                            name=f"{ref.name} ({ref.phrase})", code=f"{ref.country}{ref.sector}",
                            country=ref.country, sector=ref.sector, role=None, kind="metonym")
    if isinstance(ref, Country) and kind == "capital":
        # A capital used as a place is kept as kind "place": only a verb slot that wants an actor
        # ("hit back at Moscow", "sanctions on Moscow") may still take it; it is not output as a mention.
        return make_mention(doc, s, e, e - 1, id=slug(f"{ref.iso3}-government"), name=f"Government of {ref.name}",
                            code=f"{ref.iso3}GOV", country=ref.iso3, sector="GOV", role=None,
                            kind="metonym" if is_metonym(doc, s, e) else "place")
    if isinstance(ref, Country) and kind == "country":
        return make_mention(doc, s, e, e - 1, id=slug(ref.iso3), name=ref.name, code=ref.iso3,
                            country=ref.iso3, sector=None, role=None, kind="country")
    return None  # a demonym alone is no actor; it qualifies a sector phrase


def country_of(doc: Doc, i: int, by_token: dict[int, NameMatch], found: list[TokenMention]) -> str | None:
    """The country a token names or stands for: a demonym, country, capital, or a resolved actor."""
    match = by_token.get(i)
    if match and isinstance(match.entry.ref, Country):
        return match.entry.ref.iso3
    for m in found:
        if m.start_i <= i < m.end_i:
            return m.mention.country
    return None


def mention_for_sector(
    doc: Doc, sm: SectorMatch, by_token: dict[int, NameMatch], found: list[TokenMention],
    sector_mentions: dict[int, TokenMention], country_names: dict[str, str],
    place_country: PlaceCountry | None = None,
) -> TokenMention | None:
    """'the Russian foreign ministry', "Pashinyan's press office", 'the Prime Minister of Armenia'."""
    start, head = sm.start_i, sm.end_i - 1
    country = None
    # Left: modifiers inside the noun phrase, skipping determiners, possessive markers and adjectives.
    k = start - 1
    while k >= 0 and k >= start - 5:
        tok = doc[k]
        c = country_of(doc, k, by_token, found)
        if c is None and k in sector_mentions:
            c = sector_mentions[k].mention.country
        if c:
            country, start = c, start_of(k, by_token, found, sector_mentions)
            break
        body = international_body_at(k, found)
        if body is not None:  # "UN peacekeepers", "NATO troops": the body's own code, no country
            org = body.mention
            return make_mention(doc, body.start_i, sm.end_i, sm.end_i - 1, id=org.id, name=org.name, code=org.code,
                                country=None, sector=org.sector, role=sm.sector.role, kind="organisation")
        if tok.text in POSSESSIVE or tok.pos_ in {"ADJ", "DET"} or tok.is_punct and tok.text == "-":
            k -= 1
            continue
        break
    end = sm.end_i
    if country is None:
        # Right: "the Prime Minister of Armenia", "soldiers from Gondor", "activists in Arnor".
        for child in doc[head].children:
            if child.dep_ == "prep" and child.lower_ in {"of", "from", "in"}:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        country = country_of(doc, obj.i, by_token, found)
                        if country is None and obj.i in sector_mentions:
                            country = sector_mentions[obj.i].mention.country
                        if country is None and place_country is not None:
                            country = country_of_place(obj, place_country)
                        end = obj.i + 1 if country else end
    if country is None:
        return None
    sector = sm.sector
    label = sector.role or sector.phrase
    where = country_names.get(country, country)
    name = f"Government of {where}" if sector.sector == "GOV" and not sector.role else f"{label} of {where}"
    return make_mention(doc, start, end, head, id=slug(f"{country}-{label}"), name=name,
                        code=f"{country}{sector.sector}", country=country, sector=sector.sector,
                        role=sector.role, kind="role")


def demonym_phrases(doc: Doc, names: list[NameMatch], found: list[TokenMention]) -> list[TokenMention]:
    """'British sailors', 'Armenian villages': a demonym on a common noun is the bare country (CAMEO practice)."""
    taken = {i for m in found for i in range(m.start_i, m.end_i)}
    extra = []
    for match in names:
        ref = match.entry.ref
        last = doc[match.end_i - 1]
        if (match.entry.kind == "demonym" and isinstance(ref, Country) and last.dep_ in NOMINAL_DEPS
                and last.pos_ in {"PROPN", "NOUN"} and match.start_i not in taken):
            # "withdrew from the Syrian [side]", "Armenians protested": a demonym heading its own phrase.
            extra.append(make_mention(doc, match.start_i, match.end_i, last.i, id=slug(ref.iso3), name=ref.name,
                                      code=ref.iso3, country=ref.iso3, sector=None, role=None, kind="country"))
            taken.update(range(match.start_i, match.end_i))
            continue
        head = last.head
        # "Armenian shelling": a gerund with a demonym on it is a noun, whatever its tag.
        nominal = head.pos_ == "NOUN" or head.tag_ == "VBG" and last.dep_ == "amod"
        if (match.entry.kind != "demonym" or not isinstance(ref, Country) or not nominal
                or head.i < match.end_i or head.i - match.end_i > 3 or head.i in taken
                or doc[match.end_i - 1].dep_ not in {"amod", "compound"}):
            continue
        extra.append(make_mention(doc, match.start_i, head.i + 1, head.i, id=slug(ref.iso3), name=ref.name,
                                  code=ref.iso3, country=ref.iso3, sector=None, role=None, kind="country"))
        taken.update(range(match.start_i, head.i + 1))
    return extra


# Kinds of place ("city", "province") looked through to the place they name.
PLACE_NAME_HEADS = word_list("place_name_heads")


def country_of_place(obj: Token, place_country: PlaceCountry) -> str | None:
    """The country of a named place: "Nablus", "the West Bank city of Nablus", "Aleppo province"."""
    if obj.pos_ == "NOUN" and obj.lemma_.lower() in PLACE_NAME_HEADS:
        inner = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"]
        return country_of_place(inner[0], place_country) if inner else None
    if obj.pos_ != "PROPN":
        return None
    words = [c for c in obj.children if c.dep_ == "compound" and c.i < obj.i] + [obj]
    return place_country(" ".join(t.text for t in words))


def international_body_at(k: int, found: list[TokenMention]) -> TokenMention | None:
    """An organisation with no country (IGO, NGO, IMG) named at token ``k``."""
    return next((m for m in found if m.start_i <= k < m.end_i and m.mention.kind == "organisation"
                 and m.mention.country is None), None)


def start_of(k: int, by_token: dict[int, NameMatch], found: list[TokenMention],
             sector_mentions: dict[int, TokenMention]) -> int:
    """First token of the name or mention that covers token ``k``."""
    if k in by_token:
        return by_token[k].start_i
    covering = [m.start_i for m in (*found, *sector_mentions.values()) if m.start_i <= k < m.end_i]
    return min(covering, default=k)


def titled_people(doc: Doc, found: list[TokenMention]) -> list[TokenMention]:
    """Unknown people named right after a coded title: 'Pakistani Prime Minister Yousuf Gilani'."""
    taken = {i for m in found for i in range(m.start_i, m.end_i)}
    extra = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(i in taken for i in range(ent.start, ent.end)):
            continue
        title = next((m for m in found if m.end_i == ent.start and m.mention.kind == "role"), None)
        if title is None:
            continue
        t = title.mention
        extra.append(make_mention(doc, ent.start, ent.end, ent.end - 1, id=slug(ent.text), name=ent.text,
                                  code=t.code, country=t.country, sector=t.sector, role=t.role, kind="person"))
    return extra


def one_per_referent(doc: Doc, found: list[TokenMention]) -> list[TokenMention]:
    """One mention per person: a title right before a name ('Russian President Vladimir Putin') joins the
    name's mention, and a title in apposition ('Sergey Lavrov, Russia's foreign minister') is dropped;
    the person's mention keeps its own code, or takes the title's when it has no role of its own."""
    people = {m.start_i: m for m in found if m.mention.kind == "person"}
    heads = {m.head_i: m for m in people.values()}
    out, absorbed = [], set()
    for m in found:
        if m.mention.kind != "role":
            continue
        person = people.get(m.end_i)
        if person is not None:
            absorbed.add(id(m))
            p = person.mention
            merged = make_mention(doc, m.start_i, person.end_i, person.head_i, id=p.id, name=p.name,
                                  code=p.code, country=p.country, sector=p.sector, role=p.role or m.mention.role,
                                  kind="person")
            people[m.end_i] = merged
        elif doc[m.head_i].dep_ == "appos" and doc[m.head_i].head.i in heads:
            absorbed.add(id(m))
    replaced = {id(m): people[m.start_i] for m in found if m.mention.kind == "person" and m.start_i in people}
    for m in found:
        if id(m) in absorbed:
            continue
        out.append(replaced.get(id(m), m))
    return out


def refers(tok: Token) -> bool:
    """Whether 'it' refers, rather than being expletive ("it is difficult to", "it seems", "when it comes")."""
    if tok.lower_ == "its":
        return True
    return tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and tok.head.lemma_ not in EXPLETIVE_HEADS


def resolve_pronouns(doc: Doc, found: list[TokenMention]) -> list[TokenMention]:
    """Pronouns back to the nearest compatible actor near them (``actors/coref.py``): he/him/his/she/her to a
    person, it/its to a state or body.

    A pronoun whose antecedent is a person or body the knowledge base lacks gets no mention (never the
    last known actor instead). Possessives prefer the subject of their clause, object pronouns avoid it.
    """
    context = Context(doc, [(m.start_i, m.end_i, m.head_i, m.mention) for m in found])
    extra = []
    for tok in doc:
        if tok.pos_ != "PRON" or tok.lower_ in BODY_PRONOUNS and not refers(tok):
            continue
        # they/their are left to the quote finder: as event arguments a group pronoun over compound
        # subjects and their objects is wrong more often than right (PETRARCH unit records, measured).
        if tok.lower_ not in PERSON_PRONOUNS and tok.lower_ not in BODY_PRONOUNS:
            continue
        target = context.antecedent(tok)
        if target is None or target.mention is None:
            continue
        t = target.mention
        extra.append(make_mention(doc, tok.i, tok.i + 1, tok.i, id=t.id, name=t.name, code=t.code,
                                  country=t.country, sector=t.sector, role=t.role, kind="pronoun"))
    return extra
