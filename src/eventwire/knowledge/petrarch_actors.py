"""Read PETRARCH/TABARI-format actor and agent dictionaries into an eventwire KnowledgeBase."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.knowledge.actors import Actor, Country, KnowledgeBase, Role, SectorPhrase
from eventwire.knowledge.words import word_list

LOG = logging.getLogger(__name__)

XML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
DATE_TOKEN = r"\d{6}(?:\d{2})?"
RESTRICTION = re.compile(
    rf"^(?P<code>[^\s<>]*)\s*(?:<\s*(?P<before>{DATE_TOKEN})|>\s*(?P<after>{DATE_TOKEN})"
    rf"|(?P<start>{DATE_TOKEN})\s*-\s*(?P<end>{DATE_TOKEN}))?\s*$"
)
SUBSTITUTION_DEF = re.compile(r"^(?P<marker>![A-Za-z]+!)\s*=\s*(?P<items>.+)$")
AGENT_LINE = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
MARKER = re.compile(r"![A-Za-z]+!")
# Word lists are data (data/words/NAME.tsv; each file's header says what it is for).
SMALL_WORDS = word_list("name_small_words")
VOWELS = frozenset("AEIOUY")
DEMONYM_SUFFIXES = ("IAN", "ESE", "ISH", "EAN")
DERIVED_SUFFIXES = ("I", "N", "AN", "IAN", "ESE", "ISH", "ER", "IC")
IRREGULAR_DEMONYMS = word_list("petrarch_irregular_demonyms")
PERSON_TITLES = word_list("petrarch_person_titles")
# Words of organisations' names: a phrase with one names an organisation (scripts/build_broad_kb.py).
ORGANISATION_WORDS = word_list("organisation_name_words") | word_list("broad_organisation_words")


def names_organisation(phrase: str) -> bool:
    """'LIBERAL_PARTY', 'TALIBAN MOVEMENT': a phrase with a word of an organisation's name."""
    return any(w.lower() in ORGANISATION_WORDS for w in phrase_words(phrase))


@dataclass(frozen=True)
class CodeSpec:
    """One ``[CODE restriction]`` block: the code and the inclusive days it applies to."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def null(self) -> bool:
        """Codes without letters (``---``, ``+++``, ``###``) mean "recognise but do not code"."""
        return not any(ch.isalpha() for ch in self.code)


@dataclass(frozen=True)
class ActorEntry:
    """One actor record: its phrases (primary first, upper case, words joined by spaces) and codes."""

    phrases: tuple[str, ...]
    codes: tuple[CodeSpec, ...]


@dataclass(frozen=True)
class AgentEntry:
    """One expanded agent phrase (lower case) with its code; ``after`` is True for ``[~GOV]`` codes."""

    phrase: str
    code: str
    after: bool = True


# ---------------------------------------------------------------- shared line handling


def strip_comments(text: str) -> list[str]:
    """Lines of a dictionary without XML comments, '<' lines, and '#' or ';' trailing comments."""
    lines = []
    for line in XML_COMMENT.sub("", text).splitlines():
        if line.lstrip().startswith("<"):
            continue
        lines.append(cut_comment(line))
    return lines


def cut_comment(line: str) -> str:
    """The line up to the first '#' or ';' that is not inside a ``[...]`` code block."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch in "#;" and depth == 0:
            return line[:i].rstrip()
    return line.rstrip()


def phrase_words(raw: str) -> list[str]:
    """Words of a phrase string; '_' and blanks both separate words, a trailing '_' is dropped."""
    return [w for w in re.split(r"[_\s]+", raw.strip().upper()) if w]


def parse_day(token: str) -> date:
    """A YYYYMMDD or YYMMDD date; two-digit years below 30 are 20xx, others 19xx."""
    if len(token) == 6:
        year = int(token[:2])
        token = f"{2000 + year if year < 30 else 1900 + year}{token[2:]}"
    return date(int(token[:4]), int(token[4:6]), int(token[6:8]))


def parse_code_block(body: str) -> list[CodeSpec]:
    """The specs of one ``[...]`` block; compound codes ``A/B`` give one spec per code."""
    match = RESTRICTION.match(body.strip())
    if not match or not match.group("code") or re.search(r"\d{6}", match.group("code")):
        LOG.warning("ignoring malformed code block [%s]", body)
        return []
    start = end = None
    if match.group("before"):
        end = parse_day(match.group("before"))
    elif match.group("after"):
        start = parse_day(match.group("after"))
    elif match.group("start"):
        start, end = parse_day(match.group("start")), parse_day(match.group("end"))
    return [CodeSpec(code.upper(), start, end) for code in match.group("code").split("/") if code]


# ---------------------------------------------------------------- actors


def parse_actor_lines(lines: Iterable[str]) -> Iterator[ActorEntry]:
    """Actor records: a primary phrase line, '+' synonym lines, indented '[code restriction]' lines."""
    phrases: list[str] = []
    codes: list[CodeSpec] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        head = CODE_BLOCK.split(stripped)[0].strip()
        blocks = [spec for body in CODE_BLOCK.findall(stripped) for spec in parse_code_block(body)]
        if stripped.startswith("["):
            if not phrases:
                LOG.warning("code line without a phrase: %s", stripped)
            codes.extend(blocks)
        elif stripped.startswith("+"):
            if not phrases:
                LOG.warning("synonym line without a primary phrase: %s", stripped)
                continue
            phrases.append(" ".join(phrase_words(head[1:])))
            codes.extend(blocks)
        else:
            if phrases:
                yield ActorEntry(tuple(phrases), tuple(codes))
            phrases, codes = [" ".join(phrase_words(head))], list(blocks)
    if phrases:
        yield ActorEntry(tuple(phrases), tuple(codes))


def read_actor_entries(path: Path) -> list[ActorEntry]:
    return list(parse_actor_lines(strip_comments(Path(path).read_text(encoding="utf-8", errors="replace"))))


def looks_like_acronym(word: str) -> bool:
    """IMF, PLO, UN, USSR: up to three letters, or four with a single vowel and a final consonant pair."""
    vowels = [ch for ch in word if ch in VOWELS]
    if len(word) <= 3:
        return True
    return len(word) == 4 and len(vowels) == 1 and word[-1] not in VOWELS and word[-2] not in VOWELS


def display_word(word: str, first: bool, alone: bool) -> str:
    """Case for display; ``alone`` is True when the word is the whole phrase (after a leading THE)."""
    if "." in word or any(ch.isdigit() for ch in word) or not any(ch in VOWELS for ch in word):
        return word
    if not first and word.lower() in SMALL_WORDS:
        return word.lower()
    if alone and looks_like_acronym(word):
        return word
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def display_phrase(phrase: str) -> str:
    """'THE_HERMIT_KINGDOM' -> 'The Hermit Kingdom', 'U.S.' -> 'U.S.', 'THE_AU' -> 'The AU'."""
    words = phrase_words(phrase)
    core = words[1:] if len(words) > 1 and words[0] == "THE" else words
    alone = len(core) == 1
    return " ".join(display_word(w, i == 0, alone and w == core[0]) for i, w in enumerate(words))


def is_demonym(phrase: str, others: Iterable[str]) -> bool:
    """A one-word phrase that looks like an adjective of nationality (ISRAELI beside ISRAEL, DANISH)."""
    if " " in phrase:
        return False
    if phrase in IRREGULAR_DEMONYMS or (len(phrase) >= 6 and phrase.endswith(DEMONYM_SUFFIXES)):
        return True
    for other in others:
        if other != phrase and " " not in other and len(other) >= 4 and phrase.startswith(other):
            if phrase[len(other):] in DERIVED_SUFFIXES:
                return True
    return False


def is_country_like(entry: ActorEntry) -> bool:
    """No date restrictions at all and only three-letter codes."""
    live = [c for c in entry.codes if not c.null]
    return bool(live) and not any(c.dated for c in entry.codes) and all(
        len(c.code) == 3 and c.code.isalpha() for c in live)


def actor_kind(entry: ActorEntry, roles: tuple[Role, ...]) -> str:
    first_word = entry.phrases[0].split(" ")[0]
    if first_word in PERSON_TITLES or any(r.start or r.end for r in roles if r.sector):
        return "person"
    return "organisation"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def entry_roles(entry: ActorEntry) -> tuple[Role, ...]:
    """Roles of an entry, dated ones first so they win over the default when in force."""
    live = [c for c in entry.codes if not c.null]
    ordered = [c for c in live if c.dated] + [c for c in live if not c.dated]
    return tuple(Role(country=c.code[:3], sector=c.code[3:] or None, code=c.code, start=c.start, end=c.end)
                 for c in ordered)


def build_countries(entries: Iterable[ActorEntry]) -> tuple[Country, ...]:
    """One Country per three-letter code; entries sharing a code pool their phrases."""
    phrases_by_code: dict[str, list[str]] = {}
    for entry in entries:
        for spec in entry.codes:
            if spec.null:
                continue
            pool = phrases_by_code.setdefault(spec.code, [])
            pool.extend(p for p in entry.phrases if p not in pool)
    countries = []
    for code, phrases in phrases_by_code.items():
        demonyms = tuple(display_phrase(p) for p in phrases if is_demonym(p, phrases))
        countries.append(Country(iso3=code, iso2=None, name=display_phrase(phrases[0]),
                                 aliases=tuple(display_phrase(p) for p in phrases),
                                 demonyms=demonyms, capital=None))
    return tuple(countries)


def build_actors(entries: Iterable[ActorEntry]) -> tuple[Actor, ...]:
    actors = []
    seen: set[str] = set()
    for entry in entries:
        roles = entry_roles(entry)
        if not roles:
            LOG.debug("skipping %s: only null codes or no code", entry.phrases[0])
            continue
        ident = f"petrarch:{slug(entry.phrases[0])}"
        if ident in seen:
            ident = f"{ident}-{roles[0].code.lower()}"
        seen.add(ident)
        actors.append(Actor(id=ident, name=display_phrase(entry.phrases[0]),
                            aliases=tuple(display_phrase(p) for p in entry.phrases),
                            roles=roles, kind=actor_kind(entry, roles)))
    return tuple(actors)


# ---------------------------------------------------------------- agents


def plural_of(word: str) -> str:
    """Regular English plural of an upper-case word."""
    if word.endswith("MAN"):
        return word[:-3] + "MEN"
    if word.endswith(("SS", "X", "CH", "SH", "Z")):
        return word + "ES"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in VOWELS:
        return word[:-1] + "IES"
    return word + "S"


def agent_forms(phrase: str, plural: str | None) -> list[str]:
    """The phrase and its plurals: ``{}`` none, ``{X Y}`` the given forms, no braces the regular one."""
    words = phrase_words(phrase)
    forms = [" ".join(words)]
    if plural is not None:
        forms.extend(" ".join(phrase_words(p)) for p in plural.split() if p.strip("_"))
    elif words and not (words[-1].endswith("S") and not words[-1].endswith("SS")):
        forms.append(" ".join(words[:-1] + [plural_of(words[-1])]))
    return forms


def expand_markers(phrase: str, substitutions: dict[str, list[str]]) -> list[str] | None:
    """Every substitution of the ``!MARKER!`` in a phrase, or None when a marker is undefined."""
    markers = MARKER.findall(phrase)
    results = [phrase]
    for marker in markers:
        items = substitutions.get(marker.upper())
        if items is None:
            LOG.warning("undefined substitution marker %s in %s", marker, phrase)
            return None
        results = [r.replace(marker, item, 1) for r in results for item in items]
    return results


def parse_agent_code(body: str) -> tuple[str, bool] | None:
    """``~GOV`` -> ('GOV', True: after the country code); ``NGO~`` -> ('NGO', False)."""
    code = body.replace(" ", "").upper()
    if not code.strip("~"):
        return None
    if code.startswith("~"):
        return code[1:], True
    if code.endswith("~"):
        return code[:-1], False
    LOG.warning("agent code without '~': %s", body)
    return code, True


def parse_agent_lines(lines: Iterable[str]) -> Iterator[AgentEntry]:
    substitutions: dict[str, list[str]] = {}
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        definition = SUBSTITUTION_DEF.match(stripped)
        if definition:
            items = [i.strip().upper() for i in definition.group("items").split(",") if i.strip()]
            substitutions[definition.group("marker").upper()] = items
            continue
        match = AGENT_LINE.match(stripped)
        parsed = parse_agent_code(match.group("code")) if match else None
        if not match or parsed is None:
            LOG.warning("ignoring agent line: %s", stripped)
            continue
        code, after = parsed
        raw = match.group("phrase")
        if MARKER.search(raw):
            expanded = expand_markers(raw.upper(), substitutions) or []
            forms = [" ".join(phrase_words(p)) for p in expanded]
        else:
            forms = agent_forms(raw, match.group("plural"))
        for form in dict.fromkeys(forms):
            yield AgentEntry(form.lower(), code, after)


def read_agent_entries(path: Path) -> list[AgentEntry]:
    return list(parse_agent_lines(strip_comments(Path(path).read_text(encoding="utf-8", errors="replace"))))


# ---------------------------------------------------------------- the knowledge base


def knowledge_base_from_entries(actors: list[ActorEntry], agents: list[AgentEntry]) -> KnowledgeBase:
    """Countries from undated three-letter entries, Actors from the rest, SectorPhrases from agents."""
    country_entries = [e for e in actors if is_country_like(e)]
    other_entries = [e for e in actors if not is_country_like(e)]
    sectors = tuple(SectorPhrase(phrase=a.phrase, sector=a.code) for a in agents)
    return KnowledgeBase(countries=build_countries(country_entries), institutions=(),
                         sectors=sectors, actors=build_actors(other_entries))


def read_petrarch_dictionaries(actors_path: Path | str,
                               agents_path: Path | str | None = None) -> KnowledgeBase:
    """A KnowledgeBase from a PETRARCH ``.actors`` file and, optionally, an ``.agents`` file."""
    actors = read_actor_entries(Path(actors_path))
    agents = read_agent_entries(Path(agents_path)) if agents_path is not None else []
    kb = knowledge_base_from_entries(actors, agents)
    LOG.info("read %d countries, %d actors, %d sector phrases from PETRARCH dictionaries",
             len(kb.countries), len(kb.actors), len(kb.sectors))
    return kb
