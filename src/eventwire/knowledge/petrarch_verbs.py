"""Read PETRARCH/TABARI-format verb dictionaries into eventwire verb patterns."""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from eventwire.knowledge.patterns import Pattern, Patterns, group_patterns, load_patterns
from eventwire.knowledge.petrarch_actors import strip_comments
from eventwire.knowledge.words import word_list

LOG = logging.getLogger(__name__)

Lemmatizer = Callable[[str, str], str]  # (word, "VERB" | "NOUN") -> lower-case lemma

HEADER = re.compile(r"^---\s*(?P<name>[^\[\-]*?)\s*(?P<codes>(?:\[[^\]]*\]\s*)*)(?:---)?\s*$")
CODE = re.compile(r"\[([^\]]*)\]")
FORMS = re.compile(r"\{[^}]*\}")
SPLIT = re.compile(r"[_\s]+")
MARKERS = frozenset({"*", "+", "$", "%", "^"})
# PETRARCH's words, in its capitals (data/words/petrarch_*.tsv; each file's header says what it is for).
NEGATION_WORDS = word_list("petrarch_negation_words")
PARTICLES = word_list("petrarch_particles")
PREPOSITIONS = word_list("petrarch_prepositions")
# Words after the verb that make the tail a clause, not an object: the model cannot require them.
CLAUSE_WORDS = word_list("petrarch_clause_words")
DEFAULT_TARGETS = ("dobj", "dative", "subtree")
MAX_OBJECT_WORDS = 3


@dataclass(frozen=True)
class VerbLine:
    """One verb of a block: its (lemmatised) verb, an optional particle, and its own code if it has one."""

    lemma: str
    particle: str | None
    code: str | None


@dataclass
class VerbBlock:
    """One ``--- NAME [code] ---`` block: its default code, verbs and ``(pattern text, code)`` lines."""

    name: str
    code: str | None
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class VerbImport:
    """What an import produced: the patterns, and what was skipped or simplified, by kind."""

    patterns: tuple[Pattern, ...] = ()
    skipped: Counter[str] = field(default_factory=Counter)
    simplified: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, kind: str, example: str) -> None:
        self.skipped[kind] += 1
        self.examples.setdefault(kind, [])
        if len(self.examples[kind]) < 3:
            self.examples[kind].append(example)


class Untranslatable(ValueError):
    """A pattern (or verb line) the pattern model cannot express; the message is the kind."""


# ---------------------------------------------------------------- lemmas


def simple_lemma(word: str, pos: str) -> str:
    """A lemma without a model: lower case, and for nouns a regular plural made singular."""
    w = word.lower()
    if pos != "NOUN" or len(w) < 4 or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    return w[:-1] if w.endswith("s") else w


def split_code(body: str) -> tuple[str | None, str | None]:
    """``'032:033'`` -> ('032', '033'); null codes (``---``, ``+++``, ``###``) -> None."""
    first, _, second = body.strip().partition(":")

    def live(code: str) -> str | None:
        code = code.strip()
        return code if any(ch.isalnum() for ch in code) else None

    return live(first), live(second) if second else None


def parse_verb_line(line: str, code: str | None, lemmatize: Lemmatizer) -> VerbLine:
    """``BAN {BANS BANNED}``, ``+BREAK_DOWN {...}``, ``LASH OUT``, ``DOWNPLAY [014]``; ``+`` marks the verb."""
    own = CODE.search(line)
    words = [w for w in SPLIT.split(CODE.sub(" ", FORMS.sub(" ", line)).strip()) if w]
    if not words:
        inside = FORMS.search(line)
        words = [w for w in SPLIT.split(inside.group(0).strip("{}")) if w] if inside else []
        words = [words[0].lstrip("+")] if words else []
    if not words:
        raise Untranslatable("empty verb line")
    at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    if at > 0:
        raise Untranslatable("multi-word verb with words before the verb")
    rest = words[at + 1:]
    if len(rest) > 1 or (rest and rest[0] not in PARTICLES | PREPOSITIONS):
        raise Untranslatable("multi-word verb with more than a particle after the verb")
    verb = words[at].lstrip("+")
    line_code = own.group(1).strip() if own else code  # kept whole: "031:032" codes both directions
    return VerbLine(lemmatize(verb, "VERB"), rest[0].lower() if rest else None, line_code)


def parse_dictionary(text: str, lemmatize: Lemmatizer,
                     report: VerbImport) -> tuple[dict[str, list[str]], list[VerbBlock]]:
    """Synsets (name -> member phrases) and verb blocks of a verbs file."""
    synsets: dict[str, list[str]] = {}
    blocks: list[VerbBlock] = []
    current_synset: str | None = None
    for raw in strip_comments(text):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("---"):
            header = HEADER.match(line)
            codes = CODE.findall(header.group("codes")) if header else []
            name = header.group("name").strip() if header else line.strip("- ")
            blocks.append(VerbBlock(name, codes[0].strip() if codes else None))
            current_synset = None
        elif line.startswith("&"):
            current_synset = synset_name(line.split()[0])
            synsets[current_synset] = []
        elif line.startswith("+") and current_synset is not None:
            synsets[current_synset].append(line[1:].strip())
        elif line.startswith("-") and blocks:
            found = CODE.search(line)
            if found is None:
                report.skip("pattern without a code", line)
                continue
            blocks[-1].patterns.append((line[1:found.start()].strip(), found.group(1)))
        elif blocks:
            try:
                blocks[-1].verbs.append(parse_verb_line(line, blocks[-1].code, lemmatize))
            except Untranslatable as exc:
                report.skip(f"verb: {exc}", line)
        else:
            LOG.warning("ignoring line outside any block: %s", line)
    return synsets, blocks


def synset_name(token: str) -> str:
    """``&PREPOSIT1_`` and ``&PREPOSIT1`` name the same synset."""
    return token.strip().rstrip("_").upper()


def expand_synsets(tokens: list[str], synsets: dict[str, list[str]], depth: int = 0) -> Iterator[list[str]]:
    """Every token list with each ``&SYNSET`` replaced by one of its members' words (nested sets too)."""
    options: list[list[list[str]]] = []
    for token in tokens:
        if not token.startswith("&"):
            options.append([[token]])
            continue
        members = synsets.get(synset_name(token))
        if members is None or depth > 5:
            raise Untranslatable("undefined synset")
        choices: list[list[str]] = []
        for member in members:
            choices.extend(expand_synsets(bare_tokens(member), synsets, depth + 1))
        options.append(choices)
    for combo in itertools.product(*options):
        yield [w for part in combo for w in part if w]


# ---------------------------------------------------------------- translating patterns


@dataclass(frozen=True)
class Shape:
    """What a PETRARCH pattern says, in terms of the eventwire pattern model."""

    particle: str | None = None
    complement: str | None = None
    prep: str | None = None
    targets: tuple[str, ...] = DEFAULT_TARGETS
    reciprocal: bool = False
    dropped_modifiers: bool = False
    surface: str | None = None  # the complement word as written, when the lemma differs
    dropped_pobj: bool = False
    negation: bool = False  # the pattern names a negation before the verb ("DID N'T *")


def check_before_verb(tokens: list[str]) -> tuple[bool, bool]:
    """Tokens before ``*``: ``$`` (the source), ``%`` (a compound subject), or a negation with its
    auxiliaries and adverbs ("DID N'T", "WILL NOT EVER"). Returns (reciprocal, negation)."""
    words = [t for t in tokens if t not in MARKERS]
    negation = any(w in NEGATION_WORDS for w in words)
    for token in tokens:
        if token == "^":
            raise Untranslatable("skip marker ^")
        if token == "+":
            raise Untranslatable("target before the verb")
    if words and not negation:
        raise Untranslatable("words before the verb")
    return "%" in tokens, negation


def split_target(tokens: list[str]) -> tuple[list[str], bool]:
    """Words after ``*`` and whether the pattern ends in a target marker (``+`` or ``%``)."""
    if "$" in tokens:
        raise Untranslatable("source after the verb")
    if "^" in tokens:
        raise Untranslatable("skip marker ^")
    marked = [i for i, t in enumerate(tokens) if t in {"+", "%"}]
    if marked and marked != [len(tokens) - 1]:
        raise Untranslatable("words after the target")
    return (tokens[:-1], True) if marked else (tokens, False)


def shape_after_verb(words: list[str], marked: bool, lemmatize: Lemmatizer) -> Shape:
    """``[PARTICLE] [OBJECT WORDS] [PREP]``, or ``TO VERB``; the object's last word is the complement."""
    if any(w in CLAUSE_WORDS for w in words):
        raise Untranslatable("clause after the verb")
    phrase = "(" in words
    words = [w for w in words if w != "("]
    if len(words) == 2 and words[0] == "TO" and not marked and not phrase:
        return Shape(complement=lemmatize(words[1], "VERB"))
    rest = list(words)
    particle = rest.pop(0).lower() if rest and rest[0] in PARTICLES else None
    prep = rest.pop().lower() if rest and rest[-1] in PREPOSITIONS else None
    dropped_pobj = False
    if prep is None and not marked and phrase and len(rest) >= 2 and rest[-2] in PREPOSITIONS:
        # "* (TO PROPOSAL)", "* SUPPORT (FOR AID)": a prepositional phrase, the preposition first and its
        # object noun second (PETRARCH2's dictionaries.rst): the preposition with the lemma its object must have.
        prep = prep_with_object(rest[-2], rest[-1], lemmatize)
        rest = rest[:-2]
    elif prep is None and not marked and len(rest) == 2 and rest[0] in PREPOSITIONS:
        # "* OVER EFFORTS" (TABARI, no brackets): the preposition is kept, the word after it (its object) is dropped.
        prep, rest, dropped_pobj = rest[0].lower(), [], True
    if any(w in PREPOSITIONS | PARTICLES for w in rest):
        raise Untranslatable("words after a preposition")
    if len(rest) > MAX_OBJECT_WORDS:
        raise Untranslatable("long object phrase")
    complement = lemmatize(rest[-1], "NOUN") if rest else None
    # A marked prepositional slot is the target; otherwise the target is found as for the bare verb
    # (a non-actor object of the preposition would stop the engine's search).
    targets = (f"prep:{prep}",) if prep is not None and marked else DEFAULT_TARGETS
    return Shape(particle, complement, prep, targets, dropped_modifiers=len(rest) > 1,
                 surface=rest[-1].lower() if rest else None, dropped_pobj=dropped_pobj)


def prep_with_object(prep: str, noun: str, lemmatize: Lemmatizer) -> str:
    """``to=proposal``: the preposition and its object's lemma (and the word as written, when it differs)."""
    forms = dict.fromkeys([lemmatize(noun, "NOUN"), noun.lower()])
    return f"{prep.lower()}={'|'.join(forms)}"


def bare_tokens(text: str) -> list[str]:
    """The pattern's tokens without PETRARCH2's phrase brackets: ``(FOR {FINANCIAL AID})`` is a prepositional
    phrase holding a noun phrase, ``FOR FINANCIAL AID`` in our model (the last word is the head)."""
    tokens: list[str] = []
    for token in SPLIT.split(text):
        if token.startswith("("):
            tokens.append("(")  # kept as a mark: "(TO PROPOSAL)" is a phrase, "TO RECONSIDER" a verb
        tokens.append(token.strip("(){}"))
    return [t for t in tokens if t]


def translate(tokens: list[str], lemmatize: Lemmatizer) -> Shape:
    if tokens.count("*") != 1:
        raise Untranslatable("no single verb marker *")
    at = tokens.index("*")
    reciprocal, negation = check_before_verb(tokens[:at])
    words, marked = split_target(tokens[at + 1:])
    return replace(shape_after_verb(words, marked, lemmatize), reciprocal=reciprocal, negation=negation)


def pattern_rows(block: VerbBlock, text: str, code: str, synsets: dict[str, list[str]],
                 lemmatize: Lemmatizer, report: VerbImport) -> Iterator[tuple[Pattern, bool]]:
    """One Pattern per verb of the block and per synset expansion of the pattern text, and whether
    words of the pattern were dropped to fit the model."""
    main, reverse = split_code(code)
    if main is None:
        report.skip("null code (match but do not code)", f"{block.name}: - {text} [{code}]")
        return
    try:
        shapes = [translate(tokens, lemmatize) for tokens in expand_synsets(bare_tokens(text), synsets)]
    except Untranslatable as exc:
        report.skip(str(exc), f"{block.name}: - {text} [{code}]")
        return
    for shape in shapes:
        if shape.dropped_modifiers:
            report.simplified["words before the object noun dropped"] += 1
        if shape.dropped_pobj:
            report.simplified["object of the preposition dropped"] += 1
        # The parser's lemma of an object may be the word as written ("kroner", "euros"): both forms.
        complements = dict.fromkeys([shape.complement, shape.surface if shape.complement else None])
        for verb, complement in itertools.product(block.verbs, complements):
            if verb.particle and shape.particle and verb.particle != shape.particle:
                continue
            if complement is None and shape.complement is not None:
                continue
            row = Pattern(verb.lemma, "VERB", verb.particle or shape.particle, complement, shape.prep,
                          shape.targets, main, shape.reciprocal, "", reverse, shape.negation)
            yield row, shape.dropped_modifiers or shape.dropped_pobj


def block_rows(block: VerbBlock, synsets: dict[str, list[str]], lemmatize: Lemmatizer,
               report: VerbImport) -> Iterator[tuple[Pattern, bool]]:
    for text, code in block.patterns:
        yield from pattern_rows(block, text, code, synsets, lemmatize, report)
    for verb in block.verbs:
        main, reverse = split_code(verb.code) if verb.code else (None, None)
        if main is None:
            continue  # '[---]': the verb codes only through its patterns
        yield Pattern(verb.lemma, "VERB", verb.particle, None, None, DEFAULT_TARGETS, main, False, "", reverse), False


def unique_rows(rows: Iterable[tuple[Pattern, bool]], report: VerbImport) -> tuple[Pattern, ...]:
    """Rows with a new (lemma, particle, complement, prep, reciprocal), exact translations before
    those that dropped words; later duplicates are shadowed."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for row, _ in sorted(rows, key=lambda pair: pair[1]):
        key = (row.lemma, row.pos, row.particle, row.complement, row.prep, row.reciprocal, row.negation)
        if key in seen:
            report.simplified["duplicate after lemmatising (first kept)"] += 1
            continue
        seen.add(key)
        kept.append(row)
    return tuple(kept)


def import_verbs(path: Path | str, lemmatize: Lemmatizer | None = None) -> VerbImport:
    """The patterns of a PETRARCH verbs file, with counts of what could not be translated."""
    lemmatize = lemmatize or simple_lemma
    report = VerbImport()
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    synsets, blocks = parse_dictionary(text, lemmatize, report)
    rows = (row for block in blocks for row in block_rows(block, synsets, lemmatize, report))
    report.patterns = unique_rows(rows, report)
    LOG.info("imported %d patterns from %s; skipped %d (%s)", len(report.patterns), path,
             sum(report.skipped.values()), dict(report.skipped))
    return report


def read_petrarch_verbs(path: Path | str, lemmatize: Lemmatizer | None = None) -> Patterns:
    """A PETRARCH verbs file as Patterns, with eventwire's shipped intent and root tables."""
    return replace(load_patterns(), by_lemma=group_patterns(import_verbs(path, lemmatize).patterns))


def read_petrarch_discards(path: Path | str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Sentence-level and story-level ('+') discard phrases of a PETRARCH discards file, lower case.

    A sentence holding a sentence-level phrase codes no event; an article holding a story-level
    phrase codes none (sports stories, weather, ...).
    """
    sentence: list[str] = []
    story: list[str] = []
    for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0].strip()
        if not line:
            continue
        target = story if line.startswith("+") else sentence
        target.append(" ".join(line.lstrip("+").replace("_", " ").split()).lower())
    return tuple(sentence), tuple(story)
