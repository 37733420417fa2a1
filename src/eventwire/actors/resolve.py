"""Resolve the actors a parsed document mentions: names, metonyms, sector phrases and pronouns."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from eventwire.actors.coref import Context
from eventwire.actors.generic import (
    COUNTRY_BOUND,
    bare_label,
    captive_predicate,
    datelines,
    entity_at,
    place_run_country,
    stands_alone,
)
from eventwire.actors.names import NameIndex, NameMatch, SectorMatch
from eventwire.actors.unknown import company_end, description_before, name_country, name_sector
from eventwire.knowledge.actors import Actor, Country, Institution, SectorPhrase
from eventwire.knowledge.words import word_list
from eventwire.nlp.arrays import token_arrays
from eventwire.nlp.datelines import dateline_tokens, in_dateline
from eventwire.records import ActorMention

MetonymTest = Callable[[Doc, int, int], bool]
PlaceCountry = Callable[[str], str | None]

POSSESSIVE = {"'s", "’s", "'", "’"}
PERSON_PRONOUNS = word_list("person_pronouns")  # data/words/NAME.tsv: each header says what it is for
BODY_PRONOUNS = word_list("body_pronouns")
EXPLETIVE_HEADS = word_list("expletive_heads")
STANCE_PREDICATES = word_list("stance_predicates")
HONORIFICS = word_list("honorifics")
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj"}  # a noun phrase's head, not a modifier
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}  # a verb's or preposition's argument


@dataclass(frozen=True)
class TokenMention:
    """An actor mention together with its token span and head token in the parsed document."""

    start_i: int
    end_i: int
    head_i: int
    mention: ActorMention


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", folded(text.lower())).strip("-")


def resolve_actors(
    doc: Doc, index: NameIndex, day: date | None, is_metonym: MetonymTest, place_country: PlaceCountry | None = None,
    major_place: PlaceCountry | None = None, *, sector_matches: Sequence[SectorMatch] | None = None,
) -> list[TokenMention]:
    """Every resolved actor mention in ``doc``, in text order, coded as of ``day``.

    ``place_country`` gives the country of a place name ("Nablus" -> PSE), so that "the mayor of
    Nablus", "officials in Aleppo" or "a Delhi court" are tied to a country; without it only countries and
    capitals are. ``major_place`` does the same for a major city or region only: a place read inside an
    organisation's name ("the Delhi Police"). ``sector_matches`` are ``index.match_sectors(doc)`` when the caller
    has them already (the party finder reads them too).
    """
    names = [m for m in index.match_names(doc) if not inside_other_name(doc, m, place_country)]
    if sector_matches is None:
        sector_matches = index.match_sectors(doc)
    sectors = [sm for sm in sector_matches if not captive_predicate(doc, sm)]
    names = [m for m in names if not party_in_title(m, sectors)]
    title_at = {i for sm in sectors if sm.sector.role for i in range(sm.start_i, sm.end_i)}  # "President"
    names = without_other_people(doc, names, title_at, index.adjectives)
    by_token = {i: m for m in names for i in range(m.start_i, m.end_i)}
    found: list[TokenMention] = []
    for match in names:
        mention = mention_for_name(doc, match, day, is_metonym)
        if mention:
            found.append(mention)
    organisations = named_organisations(doc, sectors, by_token, found, major_place)
    inside = {i for m in organisations for i in range(m.start_i, m.end_i)}
    # A capital read as a place inside the name is part of it ("the Tokyo Stock Exchange").
    found = [*(m for m in found if not (m.mention.kind == "place" and m.start_i in inside)), *organisations]
    taken = {i for m in found for i in range(m.start_i, m.end_i)}
    sector_mentions: dict[int, TokenMention] = {}
    left = [sm for sm in sectors if not any(i in taken for i in range(sm.start_i, sm.end_i))]
    filed = dateline_tokens(doc)  # a dateline is no modifier of the phrase after it ("LIMA, Peru - Police")
    # Twice: a phrase tied to a later one ("ministers from the Georgian government") waits for it.
    for _ in range(2):
        waiting = []
        for sm in left:
            mention = mention_for_sector(doc, sm, by_token, found, sector_mentions, index.country_names,
                                         place_country, filed)
            if mention:
                sector_mentions[sm.end_i - 1] = mention
            else:
                waiting.append(sm)
        left = waiting
    # No country: a generic actor by its bare sector ("police", "the court"), or a title waiting for its name.
    untied = [shared_country(doc, bare_mention(doc, sm), sector_mentions) for sm in left]
    untied = [named_referent(doc, m, found) for m in untied]
    tied = [*found, *sector_mentions.values()]
    untied = [sentence_country(doc, m, by_token, tied, filed) for m in untied]
    filed_at = datelines(doc, by_token, place_country)  # "LIMA, Peru -": the place a story was filed from
    untied = [dateline_country(doc, m, filed_at, tied) for m in untied]
    main = article_country(doc, names, tied, filed, place_country)
    untied = [main_country(doc, m, main, by_token, tied, filed) if main else m for m in untied]
    found.extend(sector_mentions.values())
    found.extend(m for sm, m in zip(left, untied, strict=True) if stands_alone(doc, sm))
    found = spoken_for(doc, found, {m.head_i: m for m in untied})
    found.extend(demonym_phrases(doc, names, found))
    # A bare title too general to stand alone names no one either ("party leader X" is no government's).
    titles = [*sector_mentions.values(), *(m for sm, m in zip(left, untied, strict=True)
                                           if m.mention.country or sm.sector.phrase not in COUNTRY_BOUND),
              *body_titles(doc, sectors, left, untied)]
    found.extend(titled_names(doc, found, titles, index, by_token, place_country, (main, filed)))
    found = one_per_referent(doc, found)
    found.extend(surnames_of_described(doc, found))
    found.extend(family_names_of_known(doc, found))
    found.sort(key=lambda m: m.start_i)
    found.extend(resolve_pronouns(doc, found))
    found.sort(key=lambda m: m.start_i)
    return found


def party_in_title(match: NameMatch, sectors: list[SectorMatch]) -> bool:
    """Whether a party's name is only the first word of a longer agent phrase: "Labour Minister" is the minister of
    labour (a sector phrase of its own), not the Labour Party's."""
    ref = match.entry.ref
    if not isinstance(ref, Actor) or not any(r.sector == "PTY" for r in ref.roles):
        return False
    return any(sm.start_i == match.start_i and sm.end_i > match.end_i for sm in sectors)


# Entity types a country or capital's name inside a longer one does not stand for ("New Mexico", "Northern
# Ireland", "Jordan Sekulow", "the Moscow Oblast").
ENCLOSING_ENTS = frozenset({"GPE", "LOC", "FAC", "PERSON"})


def inside_other_name(doc: Doc, match: NameMatch, place_country: PlaceCountry | None) -> bool:
    """Whether a country or capital's name is only part of a longer name the parser tagged: a place the
    gazetteer knows by the whole name ("New Mexico", "Northern Ireland"), or a person whose name runs on after
    it ("Jordan Sekulow", "Israel Katz"). "Evil Mordor" is still Mordor."""
    if match.entry.kind not in {"country", "capital"}:
        return False
    ent = entity_at(doc, match.start_i)
    if ent is None or ent.label_ not in ENCLOSING_ENTS:
        return False
    outside = [t for t in ent if not match.start_i <= t.i < match.end_i]
    if not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in outside):
        return False  # "the United States", "Russia's": nothing of another name around it
    if ent.label_ == "PERSON":
        return ent.end > match.end_i and doc[match.end_i].pos_ == "PROPN" and doc[match.end_i].text[:1].isupper()
    return place_country is not None and place_country(ent.text) is not None


def own_name_words(actor: Actor) -> frozenset[str]:
    """The lower-case words of every name the knowledge base gives a person ("vladimir", "putin")."""
    return frozenset(folded(w.lower()) for phrase in (actor.name, *actor.aliases)
                     for w in re.split(r"[\s\-]+", phrase) if w)


def names_someone_else(doc: Doc, match: NameMatch, names_at: set[int], title_at: set[int],
                       common: frozenset[str] = frozenset()) -> bool:
    """Whether a known person's name is only part of another person's name the parser tagged: "Jimmy Lai" is
    not Lai Ching-te, "Hunter Biden" not Joe Biden. A capitalised word of the name that is none of the known
    person's own names, no title ("President", "Mr") and no other known name tells so; "Vladimir V. Putin",
    "President Putin" and "Mr Putin" stay Putin. A common adjective or adverb (``common``) opening the sentence
    is capitalised only for that: "Furious Theresa May" is Theresa May."""
    if match.entry.kind != "person" or not isinstance(match.entry.ref, Actor):
        return False
    ent = entity_at(doc, match.start_i)
    if ent is None or ent.label_ != "PERSON":
        return False
    own = own_name_words(match.entry.ref)
    for t in name_run(doc, ent, match):
        if not (t.is_alpha and t.text[:1].isupper()):
            continue
        if folded(t.lower_) in own or t.lower_.rstrip(".") in HONORIFICS or t.i in title_at or t.i in names_at:
            continue
        if t.i < match.start_i and t.is_sent_start and t.lower_ in common:
            continue
        return True
    return False


def name_run(doc: Doc, ent: Span, match: NameMatch) -> list[Token]:
    """The tokens of ``ent`` on either side of ``match`` up to a possessive or a punctuation mark other than a
    hyphen or a full stop: "Jimmy" in "Jimmy Lai", not "HTS" in "al-Sharaa's HTS"."""
    run: list[Token] = []
    for side in (range(match.start_i - 1, ent.start - 1, -1), range(match.end_i, ent.end)):
        for i in side:
            t = doc[i]
            if t.text in POSSESSIVE or (t.is_punct and t.text not in {"-", "."}):
                break
            run.append(t)
    return run


def folded(word: str) -> str:
    """A word without its accents ("mélanie" -> "melanie")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def without_other_people(doc: Doc, names: list[NameMatch], title_at: set[int],
                         common: frozenset[str] = frozenset()) -> list[NameMatch]:
    """The name matches less those inside another person's name (``names_someone_else``), and less the bare
    surname of such a person later on ("Jimmy Lai ... Lai said"), unless the known person is also named in
    full in the document or the surname follows a capitalised title ("President Lai")."""
    names_at = {i for m in names for i in range(m.start_i, m.end_i)}
    other = [m for m in names
             if names_someone_else(doc, m, names_at - set(range(m.start_i, m.end_i)), title_at, common)]
    if not other:
        return names
    words = {(id(m.entry.ref), doc[m.start_i : m.end_i].text.lower()) for m in other}
    in_full = {id(m.entry.ref) for m in names if m not in other and m.end_i - m.start_i > 1}
    kept = []
    for m in names:
        if m in other:
            continue
        ref = id(m.entry.ref)
        titled = m.start_i > 0 and m.start_i - 1 in title_at and doc[m.start_i - 1].text[:1].isupper()
        if (ref, doc[m.start_i : m.end_i].text.lower()) in words and ref not in in_full and not titled:
            continue
        kept.append(m)
    return kept


def surnames_of_described(doc: Doc, found: list[TokenMention]) -> list[TokenMention]:
    """A person the knowledge base lacks, coded by the title the text gave them ("publisher Jose Ruben Zamora"),
    keeps that code when later named by surname alone ("Zamora said"); a surname two such people share is
    left alone."""
    people = [(words[-1], m) for m in found if m.mention.kind == "person" and m.mention.basis == "title"
              and len(words := (m.mention.name or "").split()) > 1]
    return later_by_word(doc, found, by_word(people), "title")


FAMILY_NAME_FIRST = word_list("family_name_first")  # data/words/family_name_first.tsv


def family_names_of_known(doc: Doc, found: list[TokenMention]) -> list[TokenMention]:
    """A known person of a country that writes the family name first (``FAMILY_NAME_FIRST``), named in full
    ("North Korean leader Kim Jong Un"), is the same person when later named by that first word alone ("Trump met
    Kim"); a family name two such people of the document share is left alone, and so is a word that begins a
    longer name ("Kim Yo Jong")."""
    people = [(words[0], m) for m in found if m.mention.kind == "person" and m.mention.basis == "kb"
              and m.mention.country in FAMILY_NAME_FIRST and len(words := (m.mention.name or "").split()) > 1
              and doc[m.start_i : m.end_i].text.endswith(m.mention.name)]
    return later_by_word(doc, found, by_word(people), "kb")


def by_word(people: list[tuple[str, TokenMention]]) -> dict[str, TokenMention | None]:
    """Each name word with the first person it names; None for a word two different people share."""
    named: dict[str, TokenMention | None] = {}
    for word, m in people:
        earlier = named.setdefault(word, m)
        if earlier is not None and earlier.mention.id != m.mention.id:
            named[word] = None
    return named


def later_by_word(doc: Doc, found: list[TokenMention], named: dict[str, TokenMention | None],
                  basis: str) -> list[TokenMention]:
    """A mention of the person for each later proper noun alone that is one of their name words (``by_word``), not
    inside a found mention and not the start of a longer name ("Zamora Rivas", "Kim Yo Jong")."""
    if not any(named.values()):
        return []
    taken = {i for m in found for i in range(m.start_i, m.end_i)}
    extra = []
    for t in doc:
        person = named.get(t.text)
        if person is None or t.i in taken or t.i <= person.start_i or t.pos_ != "PROPN":
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].text[:1].isupper():
            continue  # part of a longer name
        p = person.mention
        extra.append(make_mention(doc, t.i, t.i + 1, t.i, id=p.id, name=p.name, code=p.code, country=p.country,
                                  sector=p.sector, role=p.role, kind="person", basis=basis,
                                  country_basis=p.country_basis))
    return extra


def make_mention(doc: Doc, start_i: int, end_i: int, head_i: int, **fields: object) -> TokenMention:
    """A mention of tokens [start_i, end_i); ``basis`` defaults to "kb" (a name the knowledge base holds), and
    ``country_basis`` to "kb" when there is a country."""
    fields.setdefault("basis", "kb")
    fields.setdefault("country_basis", "kb" if fields.get("country") else None)
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
    place_country: PlaceCountry | None = None, filed: set[int] | None = None,
) -> TokenMention | None:
    """'the Russian foreign ministry', "Pashinyan's press office", 'the Prime Minister of Armenia', 'a Delhi court'.
    The words of a dateline (``filed``) are not looked into: "LIMA, Peru - Police said" is no "Peru police"."""
    start, head = sm.start_i, sm.end_i - 1
    country = basis = None
    # Left: modifiers inside the noun phrase, skipping determiners, possessive markers, adjectives and nouns
    # ("a Jerusalem district court").
    k = start - 1
    while k >= 0 and k >= start - 5 and not (filed and k in filed and start not in filed):
        tok = doc[k]
        member = member_body_at(k, found, sm.sector.sector, doc[head].lemma_.lower())
        if member is not None:  # "a Hamas commander": the group's own code
            org = member.mention
            return make_mention(doc, member.start_i, sm.end_i, sm.end_i - 1, id=org.id, name=org.name, code=org.code,
                                country=org.country, sector=org.sector, role=sm.sector.role, kind="organisation",
                                basis="kb", country_basis=org.country_basis)
        c = country_of(doc, k, by_token, found)
        if c is None and k in sector_mentions:
            c = sector_mentions[k].mention.country
        if c:
            country, start = c, start_of(k, by_token, found, sector_mentions)
            basis = country_basis_at(doc, k, by_token, found, sector_mentions)
            break
        body = international_body_at(k, found)
        envoy = body and envoy_country(doc, body.start_i - 1, sm, by_token, found, sector_mentions)
        if envoy:  # "China's U.N. ambassador": China's diplomat to the body
            country, start, basis = envoy
            break
        if body is not None:  # "UN peacekeepers", "NATO troops": the body's own code, no country
            org = body.mention
            return make_mention(doc, body.start_i, sm.end_i, sm.end_i - 1, id=org.id, name=org.name, code=org.code,
                                country=None, sector=org.sector, role=sm.sector.role, kind="organisation",
                                basis="kb", country_basis=None)
        placed = place_run_country(doc, k, place_country) if place_country is not None else None
        if placed is not None:  # "a Delhi court", "the Uttar Pradesh police"
            start, country = placed
            basis = "place"
            break
        if (tok.text in POSSESSIVE or tok.pos_ in {"ADJ", "DET"} or tok.is_punct and tok.text == "-"
                or tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "compound" and k < tok.head.i <= head):
            k -= 1
            continue
        break
    end = sm.end_i
    if country is None:
        after = country_after(doc, head, by_token, found, sector_mentions, place_country)
        if after is not None:
            country, end, basis = after[0], after[1], "of"
    if country is None:
        return None
    sector = sm.sector
    label = sector.role or sector.phrase
    where = country_names.get(country, country)
    name = f"Government of {where}" if sector.sector == "GOV" and not sector.role else f"{label} of {where}"
    return make_mention(doc, start, end, head, id=slug(f"{country}-{label}"), name=name,
                        code=f"{country}{sector.sector}", country=country, sector=sector.sector,
                        role=sector.role, kind="role", basis="agent-noun", country_basis=basis)


def country_after(doc: Doc, head: int, by_token: dict[int, NameMatch], found: list[TokenMention],
                  sector_mentions: dict[int, TokenMention], place_country: PlaceCountry | None,
                  preps: tuple[str, ...] = ("of", "from", "in", "at")) -> tuple[str, int] | None:
    """The country an "of/from/in" phrase on token ``head`` names, and the token after it: "the Prime Minister
    of Armenia", "soldiers from Gondor", "activists in Arnor", "Senator X of New Mexico"; or the "in" phrase of
    a workplace they are at ("workers at a copper mine in Arnor")."""
    for child in doc[head].children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if child.lower_ == "at":  # the workplace itself names no country; its own "in" phrase may
                    placed = country_after(doc, obj.i, by_token, found, sector_mentions, place_country, ("in",))
                    if placed is not None:
                        return placed
                    continue
                country = country_of(doc, obj.i, by_token, found)
                if country is None and obj.i in sector_mentions:
                    country = sector_mentions[obj.i].mention.country
                if country is None and place_country is not None:
                    country = country_of_place(obj, place_country)
                if country is None and obj.lemma_.lower() in PLACE_NAME_HEADS:
                    # "police in Gondor's largest city", "officials in the country's north"
                    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
                    country = country_of(doc, owner.i, by_token, found) if owner is not None else None
                if country:
                    return country, obj.i + 1
    return None


def country_basis_at(doc: Doc, k: int, by_token: dict[int, NameMatch], found: list[TokenMention],
                     sector_mentions: dict[int, TokenMention]) -> str:
    """How the country at token ``k`` before an agent noun is given: a demonym ("Dutch"), a possessive
    ("Brazil's"), or a name used as a modifier ("Kremlin officials")."""
    match = by_token.get(k)
    if match is not None and match.entry.kind == "demonym":
        return "demonym"
    if k + 1 < len(doc) and doc[k + 1].text in POSSESSIVE:
        return "possessive"
    covering = [m for m in (*found, *sector_mentions.values()) if m.start_i <= k < m.end_i]
    if covering and covering[0].mention.country_basis == "demonym":
        return "demonym"
    return "name"


def bare_mention(doc: Doc, sm: SectorMatch) -> TokenMention:
    """A generic actor with no country: "police" -> ``COP``, "the court" -> ``JUD`` (CAMEO's bare sector)."""
    label = bare_label(sm)
    sector = sm.sector.sector
    name = "Government" if sector == "GOV" and not sm.sector.role else label[:1].upper() + label[1:]
    return make_mention(doc, sm.start_i, sm.end_i, sm.end_i - 1, id=slug(f"generic-{label}"), name=name,
                        code=sector, country=None, sector=sector, role=sm.sector.role, kind="role",
                        basis="agent-noun", country_basis=None)


SPEAKER_TITLES = word_list("speaker_titles")  # data/words/speaker_titles.tsv: spokesman, spokeswoman, ...


def spoken_for(doc: Doc, found: list[TokenMention], bare_at: dict[int, TokenMention]) -> list[TokenMention]:
    """A spokesperson with no country of their own speaks for the actor of their "for"/"of" phrase ("a spokesman
    for the rebels", "a spokeswoman for Amnesty") or of the agent noun before them ("a police spokesman"), and
    takes its code; not a government's. The phrase's object may be any word of the owner's mention ("the spokesperson
    for Gondor's Ministry of Foreign Affairs": "Ministry", in the mention headed by "Affairs")."""
    by_head = {m.head_i: m for m in found}
    for m in sorted(found, key=lambda m: m.end_i - m.start_i):  # the narrowest mention that holds the word
        for i in range(m.start_i, m.end_i):
            by_head.setdefault(i, m)
    out = []
    for m in found:
        head = doc[m.head_i]
        if m.mention.country or m.mention.basis != "agent-noun" or head.lower_ not in SPEAKER_TITLES:
            out.append(m)
            continue
        owner = next((by_head[g.i] for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}
                      for g in c.children if g.dep_ == "pobj" and g.i in by_head), None)
        if owner is None:
            owner = next((bare_at[c.i] for c in head.children if c.dep_ in {"compound", "amod"} and c.i < head.i
                          and c.i in bare_at), None)
        out.append(m if owner is None else speaking_for(doc, m, owner))
    return out


def speaking_for(doc: Doc, m: TokenMention, owner: TokenMention) -> TokenMention:
    o = owner.mention
    return make_mention(doc, m.start_i, m.end_i, m.head_i, id=slug(f"spokesperson-{o.id}"),
                        name=f"Spokesperson of {o.name}", code=o.code, country=o.country, sector=o.sector,
                        role="Spokesperson", kind="role", basis="agent-noun", country_basis=o.country_basis)


def shared_country(doc: Doc, bare: TokenMention, tied: dict[int, TokenMention]) -> TokenMention:
    """An agent noun with no country of its own, conjoined to one that has ("Danish media and government",
    "lawmakers and officials in Fornost"), shares that one's country: one modifier for both. Not when it has
    a determiner or modifier of its own ("Israeli police and the protesters")."""
    head = doc[bare.head_i]
    if any(c.dep_ in {"det", "amod", "poss", "compound", "nummod"} for c in head.children):
        return bare
    for other in (*head.conjuncts,):
        m = tied.get(other.i)
        if m is not None and m.mention.country:
            country = m.mention.country
            b = bare.mention
            name = f"{b.name} of {country}"
            return make_mention(doc, bare.start_i, bare.end_i, bare.head_i, id=slug(f"{country}-{b.name}"),
                                name=name, code=f"{country}{b.sector}", country=country, sector=b.sector,
                                role=b.role, kind="role", basis="agent-noun", country_basis="conjunct")
    return bare


ARMED_SECTORS = word_list("armed_group_sectors")  # data/words/armed_group_sectors.tsv: REB, SEP, UAF, INS


def named_referent(doc: Doc, bare: TokenMention, found: list[TokenMention]) -> TokenMention:
    """A definite bare agent phrase ("the court", "the insurgent group") with no country of its own is the
    organisation the story last named before it that it describes: one whose name has the phrase's head noun ("the
    International Court of Justice ... the court"), or, for an armed group ("the militants"), the last armed group
    named ("the Gondor Liberation Front ... the separatist group"). It takes that organisation's code, so that
    "the court regrets the decision of Gondor" is the international court's, not Gondor's."""
    b = bare.mention
    head = doc[bare.head_i]
    if b.country or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return bare
    if any(c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for c in head.children):
        return bare
    word = head.lemma_.lower()
    armed = b.sector in ARMED_SECTORS
    for m in sorted((m for m in found if m.end_i <= bare.start_i and m.mention.kind == "organisation"),
                    key=lambda m: -m.start_i):
        o = m.mention
        named = word in {t.lemma_.lower() for t in doc[m.start_i : m.end_i] if t.pos_ in {"NOUN", "PROPN"}} \
            or word in o.name.lower().split()
        if named or (armed and o.sector in ARMED_SECTORS):
            return make_mention(doc, bare.start_i, bare.end_i, bare.head_i, id=o.id, name=o.name, code=o.code,
                                country=o.country, sector=o.sector, role=o.role, kind="role", basis="agent-noun",
                                country_basis=o.country_basis)
    return bare


STATE_SECTORS = word_list("state_sectors")  # data/words/state_sectors.tsv: GOV, MIL, COP, JUD, LEG, SPY
# data/words/article_sectors.tsv: the state's sectors, and the opposition and media of a story's main country.
ARTICLE_SECTORS = word_list("article_sectors")
BODY_ENVOY_NOUNS = word_list("body_envoy_nouns")  # data/words/body_envoy_nouns.tsv: "ambassador", "envoy"
MEMBER_KEEPS_SECTOR = frozenset({"LEG", "JUD"})  # "Labour MPs" sit in the legislature, whatever their party


def reporting_outlet(m: TokenMention) -> bool:
    """Whether a mention is a named news outlet ("told the BBC", "shared with VOA"): where a story was told, no
    party to it, so its country ties no other actor of the sentence."""
    return m.mention.kind == "organisation" and m.mention.sector == "MED"


def sentence_country(doc: Doc, bare: TokenMention, by_token: dict[int, NameMatch],
                     found: list[TokenMention], filed: set[int]) -> TokenMention:
    """A generic actor with no country in its phrase takes the one country its sentence names before it:
    "Passengers of a Gondorian train said the military killed ten gunmen" -> the military of Gondor. Only
    when every country the sentence names (countries, capitals, demonyms, actors with a country) is that one,
    so "police arrested two Rohirric nationals" stays ``COP`` and a sentence naming two countries gives none.
    Only a state's own institutions (``STATE_SECTORS``); the mention says so: ``country_basis`` "sentence". A
    dateline (``filed``) is not the sentence's: "KABUL (AP) - Police said" names no American."""
    if bare.mention.country or bare.mention.sector not in STATE_SECTORS:
        return bare
    sent = doc[bare.head_i].sent
    named: dict[str, int] = {}  # country -> first token naming it
    for i in range(sent.start, sent.end):
        match = by_token.get(i)
        if match is not None and isinstance(match.entry.ref, Country) and i not in filed:
            named.setdefault(match.entry.ref.iso3, i)
    for m in found:
        if sent.start <= m.start_i < sent.end and m.mention.country and m.start_i not in filed \
                and not reporting_outlet(m):
            named.setdefault(m.mention.country, m.start_i)
            named[m.mention.country] = min(named[m.mention.country], m.start_i)
    if len(named) != 1:
        return bare
    country, first = next(iter(named.items()))
    if first >= bare.start_i:
        return bare
    return with_context_country(doc, bare, country, "sentence", found)


def with_context_country(doc: Doc, bare: TokenMention, country: str, basis: str,
                         found: list[TokenMention]) -> TokenMention:
    """``bare`` tied to a country its phrase does not give (``basis`` says where it came from: "sentence",
    "dateline"), unless another actor of its sentence already has the code it would get: "Gondor's president
    refused a request from the justice minister": with the one code for both, the two would be one actor and
    the event none; the bare sector keeps them apart. Nor when a name the knowledge base lacks says whose it is."""
    b = bare.mention
    code = f"{country}{b.sector}"
    sent = doc[bare.head_i].sent
    if any(sent.start <= m.start_i < sent.end and m.mention.code == code for m in found):
        return bare
    known = {i for m in found for i in range(m.start_i, m.end_i)}
    if any(names_owner(c, known) for c in doc[bare.head_i].children):
        return bare  # "the Mahathir administration", "Ruiz's government": the phrase names whose, unknown
    head = doc[bare.head_i]
    if basis == "article" and (any(c.dep_ == "poss" and c.pos_ in {"NOUN", "PROPN"} for c in head.children)
                               or head.dep_ == "compound" and owned(head.head)):
        return bare  # "the court's president", "the union's founder, Minister X": the possessor says whose
    return make_mention(doc, bare.start_i, bare.end_i, bare.head_i, id=slug(f"{country}-{b.name}"),
                        name=f"{b.name} of {country}", code=code, country=country,
                        sector=b.sector, role=b.role, kind="role", basis="agent-noun", country_basis=basis)


# Capitalised portfolios before a title ("Schools Minister X") say which ministry, not whose government.
PORTFOLIO_WORDS = word_list("portfolio_words")


def names_owner(c: Token, known: set[int]) -> bool:
    """Whether ``c``, a dependent of a bare agent noun, is a name the knowledge base lacks that says whose the agent
    is ("the Mahathir administration", "Ruiz's government"); not a capitalised portfolio ("Schools Minister",
    "Home Secretary": ``PORTFOLIO_WORDS``)."""
    return (c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" and c.i not in known and not in_dateline(c)
            and c.lower_ not in PORTFOLIO_WORDS)


def dateline_country(doc: Doc, bare: TokenMention, datelines: list[tuple[int, str]],
                     found: list[TokenMention]) -> TokenMention:
    """A state institution with no country in its phrase or its sentence takes the country of the dateline its
    story was filed under ("LIMA, Peru - The army said ...": the army of Peru), the nearest dateline before it
    that names one country; ``country_basis`` "dateline". Only a state's own institutions, as for the
    sentence's country (``STATE_SECTORS``)."""
    if bare.mention.country or bare.mention.sector not in STATE_SECTORS:
        return bare
    before = [country for end, country in datelines if end <= bare.start_i]
    return with_context_country(doc, bare, before[-1], "dateline", found) if before else bare


def sentence_countries(doc: Doc, i: int, by_token: dict[int, NameMatch], found: list[TokenMention],
                       filed: set[int]) -> set[str]:
    """Every country the sentence of token ``i`` names (countries, capitals, demonyms, actors with a country),
    its dateline left out."""
    sent = doc[i].sent
    named = {m.entry.ref.iso3 for k in range(sent.start, sent.end) if k not in filed
             and (m := by_token.get(k)) is not None and isinstance(m.entry.ref, Country)}
    named.update(m.mention.country for m in found if sent.start <= m.start_i < sent.end and m.mention.country
                 and m.start_i not in filed and not reporting_outlet(m))
    return named


# The main country of an article: named at least this often, and this many times as often as any other.
MAIN_COUNTRY_MIN, MAIN_COUNTRY_LEAD = 3, 2


def article_country(doc: Doc, names: list[NameMatch], found: list[TokenMention], filed: set[int],
                    place_country: PlaceCountry | None) -> str | None:
    """The country an article is about, when one clearly leads: the country most often named (countries,
    capitals, demonyms, places the gazetteer knows, and actors of a country the knowledge base gives), at least
    ``MAIN_COUNTRY_MIN`` times and ``MAIN_COUNTRY_LEAD`` times as often as the next. Datelines left out."""
    counts: Counter[str] = Counter()
    at_names: set[int] = set()
    for m in names:
        if isinstance(m.entry.ref, Country) and m.start_i not in filed:
            counts[m.entry.ref.iso3] += 1
            at_names.update(range(m.start_i, m.end_i))
    for t in found:
        if t.mention.country and t.mention.country_basis in {"kb", "place"} and t.mention.kind != "country" \
                and t.start_i not in filed and not at_names.intersection(range(t.start_i, t.end_i)):
            counts[t.mention.country] += 1
    if place_country is not None:  # "in New York", "Balochistan province": where the story happens
        for ent in doc.ents:
            if ent.label_ in {"GPE", "LOC"} and ent.start not in filed and not at_names.intersection(
                    range(ent.start, ent.end)) and (country := place_country(ent.text)):
                counts[country] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MAIN_COUNTRY_MIN:
        return None
    if len(ranked) > 1 and ranked[0][1] < MAIN_COUNTRY_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def main_country(doc: Doc, bare: TokenMention, main: str, by_token: dict[int, NameMatch],
                 found: list[TokenMention], filed: set[int]) -> TokenMention:
    """A state institution, the opposition or the media (``ARTICLE_SECTORS``: "the journalist", "opposition
    leaders") with no country in its phrase, its sentence or a dateline takes the article's main country
    (``article_country``) when its sentence names no country but that one ("the military completed the
    rescue" in a story about Gondor; "opposition lawmakers praised the Gondorian president" there too);
    ``country_basis`` "article"."""
    if bare.mention.country or bare.mention.sector not in ARTICLE_SECTORS:
        return bare
    named = sentence_countries(doc, bare.head_i, by_token, found, filed)
    if named - {main} or (main in named and names_country_itself(doc, bare.head_i, main, by_token, found)):
        return bare  # "the court regrets the decision of Gondor": the country named beside it is another party
    return with_context_country(doc, bare, main, "article", found)


def names_country_itself(doc: Doc, i: int, country: str, by_token: dict[int, NameMatch],
                         found: list[TokenMention]) -> bool:
    """Whether the sentence of token ``i`` names ``country`` as itself (its name or capital, "Gondor's decision",
    or a demonym phrase standing for it), not only as the country of one of its people or bodies ("a Gondorian
    judge", the Gondorian president by name)."""
    sent = doc[i].sent
    if any(m.mention.kind == "country" and m.mention.code == country for m in found
           if sent.start <= m.start_i < sent.end):
        return True
    return any((m := by_token.get(k)) is not None and m.entry.kind in {"country", "capital"}
               and isinstance(m.entry.ref, Country) and m.entry.ref.iso3 == country
               for k in range(sent.start, sent.end))


def named_organisations(doc: Doc, sectors: list[SectorMatch], by_token: dict[int, NameMatch],
                        found: list[TokenMention], major_place: PlaceCountry | None) -> list[TokenMention]:
    """Organisations the knowledge base lacks whose own name says what they are: "the Delhi Police" ->
    ``INDCOP``, "the Libyan National Army" -> ``LBYMIL``, "the Metropolitan Police Bureau" -> ``COP``; or whose
    country only ("the Danish Shipping Registry" -> ``DNK``, "the Oslo Stock Exchange" -> ``NOR``)."""
    taken = {i for m in found if m.mention.kind != "place" for i in range(m.start_i, m.end_i)}
    extra = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or any(i in taken for i in range(ent.start, ent.end)):
            continue
        sm = name_sector(doc, ent, sectors)
        first = ent.start + (doc[ent.start].lower_ == "the")
        if sm is not None and sm.start_i <= first and sm.end_i >= ent.end:
            continue  # the name is the agent phrase alone ("the Army"): a generic actor
        placed = name_country(doc, ent, by_token, major_place)
        country, basis = placed if placed else (None, None)
        end = company_end(doc, ent) if sm is None else None  # "Andes Copper Inc": a business
        if sm is None and country is None and end is None:
            continue  # no agent word, no legal form and no country: the name tells nothing of what it is
        # With no agent word, the country alone ("the Gondorian Water Board" -> GON): what the name tells.
        sector = sm.sector.sector if sm is not None else "BUS" if end is not None else None
        end = end or ent.end
        name = doc[first:end].text
        extra.append(make_mention(doc, first, end, ent.root.i, id=slug(f"{country or ''}-{name}"), name=name,
                                  code=f"{country or ''}{sector or ''}", country=country, sector=sector, role=None,
                                  kind="organisation", basis="name", country_basis=basis))
        taken.update(range(ent.start, end))
    return extra


def demonym_phrases(doc: Doc, names: list[NameMatch], found: list[TokenMention]) -> list[TokenMention]:
    """'British sailors', 'Armenian villages': a demonym on a common noun is the bare country (CAMEO practice)."""
    taken = {i for m in found for i in range(m.start_i, m.end_i)}
    extra = []
    for match in names:
        ref = match.entry.ref
        last = doc[match.end_i - 1]
        if (match.entry.kind == "demonym" and isinstance(ref, Country) and last.dep_ in NOMINAL_DEPS
                and (last.pos_ in {"PROPN", "NOUN"} or last.pos_ == "ADJ" and last.dep_ in ARGUMENT_DEPS)
                and match.start_i not in taken):
            # "withdrew from the Syrian [side]", "Armenians protested": a demonym heading its own phrase; tagged an
            # adjective, only as a verb's or preposition's argument ("Japanese and Korean troops" lists modifiers).
            extra.append(make_mention(doc, match.start_i, match.end_i, last.i, id=slug(ref.iso3), name=ref.name,
                                      code=ref.iso3, country=ref.iso3, sector=None, role=None, kind="country",
                                      basis="demonym", country_basis="demonym"))
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
                                  code=ref.iso3, country=ref.iso3, sector=None, role=None, kind="country",
                                  basis="demonym", country_basis="demonym"))
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


def envoy_country(doc: Doc, k: int, sm: SectorMatch, by_token: dict[int, NameMatch], found: list[TokenMention],
                  sector_mentions: dict[int, TokenMention]) -> tuple[str, int, str | None] | None:
    """(country, first word, country basis) of a state's envoy to an international body named before it ("China's
    U.N. ambassador", "the Brazilian UN envoy"): an agent noun of ``body_envoy_nouns.tsv`` with a country (its
    name, possessive or demonym) right before the body's name; None otherwise."""
    if doc[sm.end_i - 1].lemma_.lower() not in BODY_ENVOY_NOUNS:
        return None
    while k >= 0 and doc[k].text in POSSESSIVE:
        k -= 1
    c = country_of(doc, k, by_token, found) if k >= 0 else None
    if c is None:
        return None
    return c, start_of(k, by_token, found, sector_mentions), country_basis_at(doc, k, by_token, found, sector_mentions)


def international_body_at(k: int, found: list[TokenMention]) -> TokenMention | None:
    """An organisation with no country (IGO, NGO, IMG) named at token ``k``."""
    return next((m for m in found if m.start_i <= k < m.end_i and m.mention.kind == "organisation"
                 and m.mention.country is None), None)


def member_body_at(k: int, found: list[TokenMention], sector: str, head: str) -> TokenMention | None:
    """A non-state organisation named at token ``k`` before an agent noun of a state's sector but a legislature or
    court ("a Hamas commander", "Boko Haram commanders", "Hezbollah officials"): the member acts for the group, not
    for a state's army or government. Not a party before its government or ministers (``head`` a lemma of
    ``PARTY_STATE_HEADS``: "a Labour government" is the state's)."""
    if sector not in STATE_SECTORS or sector in MEMBER_KEEPS_SECTOR:
        return None
    return next((m for m in found if m.start_i <= k < m.end_i and m.mention.kind == "organisation"
                 and m.mention.country is not None and m.mention.sector is not None
                 and not set(m.mention.sector.split("|")) & STATE_SECTORS
                 and not (m.mention.sector == "PTY" and head in PARTY_STATE_HEADS)), None)


# A party's name before these heads ("a Labour government", "Tory ministers") leaves them the state's.
PARTY_STATE_HEADS = word_list("party_state_heads")


def start_of(k: int, by_token: dict[int, NameMatch], found: list[TokenMention],
             sector_mentions: dict[int, TokenMention]) -> int:
    """First token of the name or mention that covers token ``k``."""
    if k in by_token:
        return by_token[k].start_i
    covering = [m.start_i for m in (*found, *sector_mentions.values()) if m.start_i <= k < m.end_i]
    return min(covering, default=k)


NAME_ENTS = {"PERSON": "person", "ORG": "organisation"}


def titled_names(doc: Doc, found: list[TokenMention], titles: list[TokenMention], index: NameIndex,
                 by_token: dict[int, NameMatch], place_country: PlaceCountry | None,
                 article: tuple[str | None, set[int]] = (None, set())) -> list[TokenMention]:
    """Unknown people and organisations coded by the title or description the text gives them: right before
    the name ("Pakistani Prime Minister Yousuf Gilani", "opposition candidate X", "the rebel X Front"), at
    the start of the name the parser tagged ("[Army chief X]"), or in apposition ("X, a rebel commander";
    "the opposition leader, X"). A state's title with no country in the text near it takes the article's main
    country (``article``: it and the dateline's tokens), as a bare one does (``titled_country``)."""
    taken = {i for m in found if m.mention.kind != "role" for i in range(m.start_i, m.end_i)}
    by_head = {t.head_i: t for t in titles}
    extra = []
    for ent in doc.ents:
        kind = NAME_ENTS.get(ent.label_)
        if kind is None or any(i in taken for i in range(ent.start, ent.end)):
            continue
        start = ent.start + (doc[ent.start].lower_ == "the")
        title = next((t for t in titles if t.end_i == start), None)
        inner = next((t for t in titles if t.start_i == start and t.end_i < ent.end), None)
        if inner is not None and inner.mention.role is None and doc[inner.start_i].text[:1].isupper():
            inner = None  # a capitalised agent noun with no title's role is a given name: "Hunter Biden"
        if title is None and inner is not None and doc[inner.end_i].pos_ == "PROPN":
            title, start = inner, inner.end_i
        if title is None:
            title = apposed_title(doc[ent.root.i], by_head)
        if title is None and kind == "organisation":
            described = description_before(doc, ent, index)  # "the rebel X": "rebel" read as an adjective
            if described is not None:
                title = bare_mention(doc, SectorMatch(described[0], start, described[1]))
        if title is None and kind == "person":
            told = person_country(doc, doc[ent.root.i], by_token)
            if told is not None:  # issue 12: "X, a Gondorian skier", "X of Gondor": the country the text tells
                extra.append(make_mention(doc, start, ent.end, ent.root.i, id=slug(doc[start : ent.end].text),
                                          name=doc[start : ent.end].text, code=told[0], country=told[0],
                                          sector=None, role=None, kind=kind, basis="title", country_basis=told[1]))
                taken.update(range(ent.start, ent.end))
                continue
        if title is None:
            continue
        t = title.mention
        country, basis = t.country, t.country_basis
        if country is None:  # "Senator X of New Mexico", "rebel leader X from Darfur"
            after = country_after(doc, ent.root.i, by_token, found, {}, place_country)
            country, basis = (after[0], "of") if after else (None, None)
        if country is None:  # "the spokesperson for Gondor's foreign ministry, Ambassador X": whose the host is
            host = apposed_host(doc[ent.root.i], found)
            country, basis = (host.mention.country, host.mention.country_basis) if host else (None, None)
        if country is None and article[0] is not None and not owned(doc[ent.root.i]) and titled_country(
                doc, t, ent.root.i, article[0], by_token, found, article[1]):
            country, basis = article[0], "article"
        code = f"{country}{t.sector}" if country and t.country is None else t.code
        extra.append(make_mention(doc, start, ent.end, ent.root.i, id=slug(doc[start : ent.end].text),
                                  name=doc[start : ent.end].text, code=code, country=country, sector=t.sector,
                                  role=t.role, kind=kind, basis="title", country_basis=basis))
        taken.update(range(ent.start, ent.end))
    return extra


def apposed_host(root: Token, found: list[TokenMention]) -> TokenMention | None:
    """The mention with a country that a name stands in apposition to ("the spokesperson for Gondor's foreign
    ministry, Ambassador X": the spokesperson, Gondor's), or that stands in apposition to the name. A conjunct with
    no coordinator before it is an apposition the parser took for a list ("the spokesperson for ..., Ambassador X,")."""
    heads = {t.i for t in apposed(root, uncoordinated=True)}
    return next((m for m in found if m.head_i in heads and m.mention.country and m.mention.kind != "country"), None)


def apposed(root: Token, uncoordinated: bool = False) -> list[Token]:
    """The nouns in apposition to ``root``: its appositives and, when it is one, its head; with ``uncoordinated``,
    also the head of a conjunct with no coordinator before it, an apposition the parser read as a list."""
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" or uncoordinated and root.dep_ == "conj" and not any(
            c.dep_ == "cc" and root.head.i < c.i < root.i for c in root.head.children):
        nouns.append(root.head)
    return nouns


def titled_country(doc: Doc, title: ActorMention, i: int, main: str, by_token: dict[int, NameMatch],
                   found: list[TokenMention], filed: set[int]) -> bool:
    """Whether a named person's state title of no country ("Finance Minister X") is of the article's main country:
    a state sector's title (``STATE_SECTORS``), in a sentence that names no other country ("Finance Minister X said
    [Gondor's capital] would ..."). Unlike a bare title's ("the court said"), naming the main country itself in
    the sentence is no sign of another party: a named minister speaks for a state, most often the story's."""
    return title.sector in STATE_SECTORS and not sentence_countries(doc, i, by_token, found, filed) - {main}


def owned(root: Token) -> bool:
    """Whether a name or a noun in apposition to it has a possessor, which says whose the person is ("the court's
    president, Judge X"; "X, the party's chairman"), not the story's country."""
    return any(c.dep_ == "poss" for n in (root, *apposed(root)) for c in n.children)


def body_titles(doc: Doc, sectors: list[SectorMatch], left: list[SectorMatch],
                untied: list[TokenMention]) -> list[TokenMention]:
    """A title too general to stand alone ("leader", "speaker") right after the agent noun of a body, with no
    country, is that body's title, in its sector: "party leader X" -> ``PTY``, "the church leader X" -> ``REL``,
    "Parliament Speaker X" -> ``LEG``."""
    ending = {sm.end_i: sm for sm in sectors}
    extra = []
    for sm, m in zip(left, untied, strict=True):
        body = ending.get(sm.start_i)
        if m.mention.country or sm.sector.phrase not in COUNTRY_BOUND or body is None:
            continue
        phrase = SectorPhrase(f"{body.sector.phrase} {sm.sector.phrase}", body.sector.sector, sm.sector.role)
        extra.append(bare_mention(doc, SectorMatch(body.start_i, sm.end_i, phrase)))
    return extra


def person_country(doc: Doc, root: Token, by_token: dict[int, NameMatch]) -> tuple[str, str] | None:
    """The country the text gives a person it tells no title of, and how: a country or demonym modifying a noun in
    apposition ("X, the first Gondorian skier to win", "X, a U.S. olympian"), or an "of/from" phrase on the name
    naming a country ("X of Gondor"). Only a country's own name, never another actor's ("a friend of Putin")."""
    def named(tok: Token) -> tuple[str, str] | None:
        match = by_token.get(tok.i)
        if match is None or not isinstance(match.entry.ref, Country) or match.entry.kind == "capital":
            return None
        return match.entry.ref.iso3, "demonym" if match.entry.kind == "demonym" else "name"
    for appos in (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        for mod in appos.children:
            if mod.dep_ in {"amod", "compound", "nmod"} and mod.i < appos.i and (found := named(mod)):
                return found
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if (found := named(obj)) is not None:
                return found[0], "of"
    return None


def apposed_title(root: Token, by_head: dict[int, TokenMention]) -> TokenMention | None:
    """A title in apposition to a name, on either side: "X, a rebel commander"; "the opposition leader, X"."""
    for child in root.children:
        if child.dep_ == "appos" and child.i in by_head:
            return by_head[child.i]
    if root.dep_ == "appos" and root.head.i in by_head:
        return by_head[root.head.i]
    return None


def one_per_referent(doc: Doc, found: list[TokenMention]) -> list[TokenMention]:
    """One mention per person: a title right before a name ('Russian President Vladimir Putin') joins the
    name's mention, and a title in apposition ('Sergey Lavrov, Russia's foreign minister') is dropped;
    the person's mention keeps its own code, or takes the title's when it has no role of its own. A description
    right before an organisation's name ('the Somali militant group al-Shabab', a title or a demonym's group phrase)
    is dropped: the organisation's own mention stands for both."""
    people = {m.start_i: m for m in found if m.mention.kind == "person"}
    heads = {m.head_i: m for m in people.values()}
    people.update({m.start_i: m for m in found if m.mention.kind == "organisation" and m.mention.code is not None
                   and m.start_i not in people})
    out, absorbed = [], set()
    for m in found:
        person = people.get(m.end_i)
        if m.mention.kind != "role" and not (person is not None and described_group(m, person)):
            continue
        if person is not None:
            absorbed.add(id(m))
            p = person.mention
            merged = make_mention(doc, m.start_i, person.end_i, person.head_i, id=p.id, name=p.name,
                                  code=p.code, country=p.country, sector=p.sector, role=p.role or m.mention.role,
                                  kind=p.kind, basis=p.basis, country_basis=p.country_basis)
            people[m.end_i] = merged
        elif doc[m.head_i].dep_ == "appos" and doc[m.head_i].head.i in heads:
            absorbed.add(id(m))
    replaced = {id(m): people[m.start_i] for m in found if m.mention.kind == "person" and m.start_i in people}
    for m in found:
        if id(m) in absorbed:
            continue
        out.append(replaced.get(id(m), m))
    return out


def described_group(m: TokenMention, named: TokenMention) -> bool:
    """Whether ``m`` is a demonym's group phrase ("the Palestinian militant group") right before an organisation's
    name, which it describes ("... Hamas"): one referent."""
    return (named.mention.kind == "organisation" and m.mention.kind == "country" and m.mention.basis == "demonym"
            and m.end_i - m.start_i > 1)


def refers(tok: Token) -> bool:
    """Whether 'it' refers, rather than being expletive ("it is difficult to", "it seems", "when it comes")."""
    if tok.lower_ == "its":
        return True
    return tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and (
        tok.head.lemma_ not in EXPLETIVE_HEADS or states_a_stance(tok))


def states_a_stance(tok: Token) -> bool:
    """'it is ready to', 'it was unwilling to': the subject of "be" with an adjective of will or stance
    (data/words/stance_predicates.tsv) is a state or body, not the expletive of 'it is difficult to'."""
    return tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in STANCE_PREDICATES for c in tok.head.children)


def resolve_pronouns(doc: Doc, found: list[TokenMention]) -> list[TokenMention]:
    """Pronouns back to the nearest compatible actor near them (``actors/coref.py``): he/him/his/she/her to a
    person, it/its to a state or body.

    A pronoun whose antecedent is a person or body the knowledge base lacks gets no mention (never the
    last known actor instead). Possessives prefer the subject of their clause, object pronouns avoid it.
    """
    context = Context(doc, [(m.start_i, m.end_i, m.head_i, m.mention) for m in found])
    extra = []
    pos = token_arrays(doc).pos
    for i in range(len(doc)):
        if pos[i] != "PRON":
            continue
        tok = doc[i]
        if tok.lower_ in BODY_PRONOUNS and not refers(tok):
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
                                  country=t.country, sector=t.sector, role=t.role, kind="pronoun",
                                  basis="pronoun", country_basis=t.country_basis))
    return extra
