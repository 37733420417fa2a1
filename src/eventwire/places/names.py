"""Reading a name against the gazetteer: the span tests (capitalised, dateline, short code), the lookup with its
", State" hint, and what a candidate's name and kind allow."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.knowledge.gazetteer_index import Candidate, Gazetteer, normalise_name
from eventwire.knowledge.words import word_list
from eventwire.nlp.arrays import TokenArrays, token_arrays

# Words that end a name in the text but not the gazetteer's ("Syunik Province"): looked up again without them.
GENERIC_SUFFIXES = word_list("generic_name_suffixes")
# A name with a short capitalised prefix: "DeKalb", "McLean", "DuPage", "LaGrange" (not "PoP", "iPhone").
CAMEL_NAME = re.compile(r"[A-Z][a-z]{1,2}[A-Z][a-z]{2,}")
# Words organisations' names are built from that are also towns' names (University, Florida; Police, Poland;
# Union, New Jersey): alone, inside or outside an entity, they are never read as a place.
ORG_WORDS = word_list("organisation_name_words")
# Towns below this size are taken from bare capitalised words only with a ", State" qualifier: the cities1000
# list names a town after almost every capitalised word ("Mobile", "Temple", "Union").
SMALL_TOWN = 15_000
NAME_ARTICLES = word_list("name_articles")


def strip_span(span: Span) -> Span:
    """Drop a leading article and a trailing possessive: "the Syunik Province" -> "Syunik Province"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in NAME_ARTICLES:
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return Span(span.doc, start, end)  # as span.doc[start:end], without spaCy's slice checks (a hot path)


def is_short_code(text: str) -> bool:
    """ "EU", "US", "UK": two or three capitals, which in news are abbreviations, never a town's name."""
    return 2 <= len(text) <= 3 and text.isalpha() and text.isupper()


def lookup_span(gaz: Gazetteer, span: Span) -> tuple[str, tuple[Candidate, ...], bool]:
    """Gazetteer candidates for the span text, retrying without a generic suffix ("Syunik Province").

    A short all-caps code keeps only the entries that are not towns: "EU" is the European Union, not Eu
    in Normandy (the index is case-folded)."""
    cands = gaz.lookup(span.text)
    if cands and is_short_code(span.text):
        cands = tuple(c for c in cands if c.feature != "city")
    if cands or len(span) < 2:
        return span.text, cands, False
    if span[-1].lower_ in GENERIC_SUFFIXES:
        bare = span[:-1].text
        return bare, gaz.lookup(bare), True
    return span.text, (), False


def trailing_context(gaz: Gazetteer, doc: Doc, end_i: int) -> str | None:
    """The place named right after ', ' ("Alexandria, La.") as a US state code or country name key."""
    if end_i + 1 < len(doc) and doc[end_i].text == ",":
        nxt = doc[end_i + 1 : min(end_i + 4, len(doc))]
        for stop in range(len(nxt), 0, -1):
            key = normalise_name(nxt[:stop].text)
            if key in gaz.state_codes:
                return "US-" + gaz.state_codes[key]
        if nxt[0].is_title:  # the longest run of words that names a place: "Ohio" in "Columbus, Ohio. Notre Dame"
            known = [nxt[:stop].text for stop in range(len(nxt), 1, -1) if nxt[:stop].text in gaz]
            return normalise_name(known[0] if known else nxt[0].text)
    return None


def main_name(cand: Candidate, text: str) -> bool:
    return normalise_name(cand.name) == normalise_name(text)


def names_part(cand: Candidate, text: str) -> bool:
    """A candidate for a name part: its main name, or any alias of a country, first-level division or landmark
    ("U.S." in "U.S. Army", "BC" in "BC Hydro", "Osun" in "Osun Police Command", "Heathrow" in "Heathrow Animal
    Reception Center")."""
    return (main_name(cand, text) or cand.feature in ("country", "admin1", "landmark")) and is_prominent_cand(cand)


def is_prominent_cand(cand: Candidate) -> bool:
    return cand.feature in ("country", "admin1", "admin2", "region", "landmark") or cand.population >= SMALL_TOWN


def confirmed(cands: Sequence[Candidate], hint: str | None, gaz: Gazetteer,
              home: frozenset[tuple[str | None, str | None]] = frozenset()) -> tuple[Candidate, ...]:
    """The candidates the text allows: a minor town (known only from the ZIP code list) only when ", State"
    after the name or the article's home states (``home``: first-pass readings) confirm it."""
    return tuple(c for c in cands if not c.minor or (hint is not None and hint_matches(c, hint, gaz))
                 or (c.country, c.admin1) in home)


def home_regions(first: dict[int, Candidate]) -> frozenset[tuple[str | None, str | None]]:
    """The US states / first-level regions of the article's first-pass town, county and state readings."""
    return frozenset((c.country, c.admin1) for c in first.values()
                     if c.feature in ("city", "admin1", "admin2") and c.admin1)


def hint_matches(cand: Candidate, hint: str, gaz: Gazetteer) -> bool:
    if hint.startswith("US-"):
        return cand.country == "USA" and cand.admin1 == hint[3:]
    return any(c.country == cand.country and c.feature in ("country", "admin1") for c in gaz.lookup(hint))



def is_prominent(gaz: Gazetteer, span: Span, person: bool = False) -> bool:
    """A mislabelled entity counts as a place only if it names a country, division, region, landmark or large
    city. When the model took it for a person, not a landmark ("Ataturk" is also an airport's name) and a
    division from a derived table only by its full name ("Sokoto State", not "Benue" for Benue State)."""
    kinds = ("country", "admin1", "admin2", "region") if person else ("country", "admin1", "admin2", "region",
                                                                      "landmark")
    return any((c.feature in kinds and (c.curated or not person or main_name(c, span.text)))
               or (c.feature == "city" and c.population >= 100_000) for c in lookup_span(gaz, span)[1])




def is_org_word(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in ORG_WORDS


def known_span(gaz: Gazetteer, span: Span) -> bool:
    """A run of capitalised words outside entities that names a place by its main name (any name of a country,
    state or region): prominent, or confirmed by ", State" after it."""
    cands = lookup_span(gaz, span)[1]
    hint = trailing_context(gaz, span.doc, span.end)
    return any((main_name(c, span.text) or c.feature != "city")
               and (is_prominent_cand(c) or (hint is not None and hint_matches(c, hint, gaz))) for c in cands)


def dateline_run(doc: Doc, i: int) -> Span:
    """The all-caps words (up to four, separated by spaces) opening a line or sentence at ``i`` when there are
    at least two ("SAN DIEGO", "ISLE OF PALMS"); an empty span otherwise. Single words are ``is_dateline``'s."""
    return doc[i : i + dateline_length(token_arrays(doc), i)]


def dateline_length(a: TokenArrays, i: int) -> int:
    """The number of words of ``dateline_run`` at token ``i`` (0 when there is none), read from the arrays."""
    if not a.is_upper[i] or not _opens_line(a, i):
        return 0
    end = i
    while end < min(i + 4, a.n) and a.is_upper[end] and a.text[end].rstrip(".").isalpha() and (
            end == i or a.whitespace[end - 1]):
        end += 1
    return end - i if end - i >= 2 else 0


def _opens_line(a: TokenArrays, i: int) -> bool:
    """Token ``i`` opens the text, a sentence or a line."""
    return i == 0 or a.sent_start[i] or "\n" in a.text[i - 1] + a.whitespace[i - 1]


def is_dateline(token: Token) -> bool:
    """An all-caps word opening a sentence or line ("CORSICANA -", "BEIRUT (AP)"): the tagger often calls a
    dateline a noun or adverb, so it is taken whatever its part of speech."""
    return dateline_at(token_arrays(token.doc), token.i)


def dateline_at(a: TokenArrays, i: int) -> bool:
    """``is_dateline(doc[i])``, read from the document's token arrays."""
    return _opens_line(a, i) and a.is_upper[i] and a.is_alpha[i] and len(a.text[i]) >= 4


def is_titled(token: Token) -> bool:
    """A capitalised word, inner capitals allowed: "DeKalb", "McLean", "DuPage" are not ``is_title``."""
    return token.is_title or CAMEL_NAME.fullmatch(token.text) is not None


def is_capitalised(token: Token) -> bool:
    return is_titled(token) or (token.is_upper and len(token) >= 4 and token.is_alpha)


def capitalised_at(a: TokenArrays, i: int) -> bool:
    """``is_capitalised(doc[i])``, read from the document's token arrays."""
    text = a.text[i]
    return (a.is_title[i] or CAMEL_NAME.fullmatch(text) is not None
            or (a.is_upper[i] and len(text) >= 4 and a.is_alpha[i]))



def read_lookup(gaz: Gazetteer, doc: Doc, span: Span, name: str | None = None,
                ) -> tuple[str, tuple[Candidate, ...], bool, str | None]:
    """Key, candidates, suffix flag and ", State" hint of a span (looked up as ``name`` when given)."""
    found = (name, gaz.lookup(name), False) if name else lookup_span(gaz, span)
    return (*found, trailing_context(gaz, doc, span.end))



def place_country(gaz: Gazetteer, name: str, min_population: int = 0) -> str | None:
    """The country of the most populous city or region of that name in the gazetteer, if any (not a town only
    the US ZIP code list knows: such a reading needs its state confirmed, which a bare name does not do).
    A name that is also a country's gives none: countries are the knowledge base's, and a country's name is
    no city abroad ("Korea", which the knowledge base leaves ambiguous, is not the village of Koréa in Côte
    d'Ivoire). ``min_population`` asks for a major place only (a
    place read inside an organisation's name: "the Munich Regional Court", not the town of Moro, Pakistan, in
    "the Moro Islamic Liberation Front")."""
    readings = gaz.lookup(name)
    if any(c.feature == "country" for c in readings):
        return None
    candidates = [c for c in readings
                  if c.feature in {"city", "admin1", "region"} and c.country and not c.minor
                  and (c.population or 0) >= min_population]
    return max(candidates, key=lambda c: c.population).country if candidates else None
