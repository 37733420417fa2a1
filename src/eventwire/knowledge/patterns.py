"""Verb and noun patterns, intent words and per-root coding rules, read from ``eventwire/data/verbs``."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from eventwire.knowledge.tables import read_rows

DATA = resources.files("eventwire") / "data" / "verbs"


@dataclass(frozen=True)
class Pattern:
    """One way a trigger word codes an event; see docs/verb-patterns.md."""

    lemma: str
    pos: str
    particle: str | None
    complement: str | None
    prep: str | None
    targets: tuple[str, ...]
    code: str
    reciprocal: bool
    example: str
    reverse_code: str | None = None  # also code target -> source with this code ("A:B" in PETRARCH)
    negation: bool = False  # matches only a negated trigger ("did not clash"); its code says so
    inverse: bool = False  # the target slot holds the source ("received weapons from X")
    # Nominal deeds: "modifier" takes the source from the noun phrase alone ("Russian air strikes"), never
    # from a verb governing it ("condemned the strikes"); "military" also codes a bare country as its military.
    source: str | None = None
    one_sided: bool = False  # the deed needs no target ("thousands protested"); see verbs.tsv
    origin: str = "eventwire"  # where the row comes from: "eventwire" (verbs.tsv) or the lexicon's source

    @property
    def specificity(self) -> int:
        return sum(x is not None for x in (self.particle, self.complement, self.prep)) + 2 * self.negation


@dataclass(frozen=True)
class Patterns:
    """All patterns by (lemma, pos), most specific first, plus the modality tables."""

    by_lemma: dict[tuple[str, str], tuple[Pattern, ...]]
    modality: dict[tuple[str, str], str]  # (word, pos) -> intent | threat | future
    intent_codes: dict[str, tuple[str | None, str | None, str | None]]  # root -> (intent, threat, refusal)
    place_target_roots: frozenset[str]  # roots whose events may take the place's country as target
    object_place_roots: frozenset[str] = frozenset()  # roots whose object "in <place>" may stand for its country
    origin_roots: frozenset[str] = frozenset()  # roots whose agentless passive takes its "from <place>" as source
    seat_roots: frozenset[str] = frozenset()  # roots whose agentless passive takes its "in <place>" as source
    report_codes: dict[str, str] = field(default_factory=dict)  # root -> code of a third party reporting the deed
    future_intent_roots: frozenset[str] = frozenset()  # roots whose scheduled deed ("will meet") is an intent
    audience_sectors: dict[str, frozenset[str]] = field(default_factory=dict)  # root -> sectors never a party
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # word form -> lemma the model gets wrong
    crowd_codes: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # code -> (code, sectors)
    context_codes: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # code -> (code, lemmas)
    # code -> (code, trigger lemmas, sectors): force between politicians is words (verbal_codes.tsv)
    verbal_codes: dict[str, tuple[str, frozenset[str], frozenset[str]]] = field(default_factory=dict)
    discards: tuple[str, ...] = ()  # lower-case phrases: a sentence holding one codes no event
    story_discards: tuple[str, ...] = ()  # lower-case phrases: an article holding one codes no event

    def code_by(self, code: str, source: str | None) -> str:
        """The code of a deed done by a source of this sector: a crowd's force is a riot (crowd_codes.tsv)."""
        crowd = self.crowd_codes.get(code)
        return crowd[0] if crowd is not None and source in crowd[1] else code

    def code_between(self, code: str, lemma: str, source: str | None, target: str | None) -> str:
        """The code of a deed by its two parties' sectors: force one politician uses on another is a verbal attack,
        criticism (verbal_codes.tsv); not between two governments."""
        verbal = self.verbal_codes.get(code)
        if verbal is None or lemma not in verbal[1] or source not in verbal[2] or target not in verbal[2]:
            return code
        return code if source == target == "GOV" else verbal[0]

    def code_in_context(self, code: str, lemmas: frozenset[str]) -> str:
        """The code of a deed whose clause names a purpose word: troops sent "on a peacekeeping mission" are
        peacekeeping, 074 (context_codes.tsv)."""
        context = self.context_codes.get(code)
        return context[0] if context is not None and lemmas & context[1] else code

    def lemma_of(self, word: str, lemma: str) -> str:
        """The lemma to look patterns up by: the model's, unless the fixes table corrects it."""
        return self.lemma_fixes.get(word, lemma)

    def for_token(self, lemma: str, pos: str) -> tuple[Pattern, ...]:
        return self.by_lemma.get((lemma, "NOUN" if pos in {"NOUN", "PROPN"} else "VERB"), ())


def read_patterns(path: Path | Traversable) -> tuple[Pattern, ...]:
    return tuple(
        Pattern(
            lemma=r["lemma"].lower(), pos=r["pos"], particle=r.get("particle") or None,
            complement=r.get("complement") or None, prep=r.get("prep") or None,
            targets=tuple(t for t in (r.get("target") or "").split("|") if t), code=r["code"],
            reciprocal=(r.get("reciprocal") or "").lower() == "y", example=r.get("example") or "",
            reverse_code=r.get("reverse_code") or None, negation=(r.get("negation") or "").lower() == "y",
            inverse=(r.get("inverse") or "").lower() == "y", source=r.get("source") or None,
            one_sided=(r.get("one_sided") or "").lower() == "y", origin=r.get("origin") or "eventwire",
        )
        for r in read_rows(path)
    )


def make_patterns(
    patterns: tuple[Pattern, ...], modality_path: Path | Traversable, roots_path: Path | Traversable
) -> Patterns:
    by_lemma: dict[tuple[str, str], list[Pattern]] = {}
    for p in patterns:
        by_lemma.setdefault((p.lemma, p.pos), []).append(p)
    modality = {(r["word"], r["pos"]): r["kind"] for r in read_rows(modality_path)}
    codes = {
        r["root"]: (r.get("intent_code") or None, r.get("threat_code") or None, r.get("refusal_code") or None)
        for r in read_rows(roots_path)
    }
    rows = list(read_rows(roots_path))
    place_roots = frozenset(r["root"] for r in rows if (r.get("place_target") or "") == "y")
    object_roots = frozenset(r["root"] for r in rows if (r.get("object_place") or "") == "y")
    report_codes = {r["root"]: r["report_code"] for r in rows if r.get("report_code")}
    origin_roots = frozenset(r["root"] for r in rows if (r.get("origin_source") or "") == "y")
    seat_roots = frozenset(r["root"] for r in rows if (r.get("seat_source") or "") == "y")
    future_roots = frozenset(r["root"] for r in rows if (r.get("future_intent") or "") == "y")
    audience = {r["root"]: frozenset((r.get("audience") or "").split("|")) - {""} for r in rows if r.get("audience")}
    return Patterns(
        by_lemma={k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in by_lemma.items()},
        modality=modality, intent_codes=codes, place_target_roots=place_roots,
        object_place_roots=object_roots, report_codes=report_codes, origin_roots=origin_roots, seat_roots=seat_roots,
        future_intent_roots=future_roots, audience_sectors=audience,
    )


@functools.lru_cache(maxsize=1)
def load_patterns() -> Patterns:
    """The patterns shipped with eventwire: our hand-written ``verbs.tsv``, then the lexicon built from
    PETRARCH2's dictionary (``lexicon.tsv``): for one trigger, all of ours are tried before any of its."""
    fixes = {r["form"].lower(): r["lemma"].lower() for r in read_rows(DATA / "lemma_fixes.tsv")}
    crowd = {r["code"]: (r["crowd_code"], frozenset(r["sectors"].split("|")))
             for r in read_rows(DATA / "crowd_codes.tsv")}
    context = {r["code"]: (r["context_code"], frozenset(r["words"].split("|")))
               for r in read_rows(DATA / "context_codes.tsv")}
    verbal = {r["code"]: (r["verbal_code"], frozenset(r["lemmas"].split("|")), frozenset(r["sectors"].split("|")))
              for r in read_rows(DATA / "verbal_codes.tsv")}
    ours = (*read_patterns(DATA / "verbs.tsv"), *deed_patterns(DATA / "deed_verbs.tsv", DATA / "deed_nouns.tsv"))
    made = make_patterns(ours, DATA / "intent.tsv", DATA / "roots.tsv")
    lexicon = group_patterns(read_patterns(DATA / "lexicon.tsv"))
    return dataclasses.replace(made, lemma_fixes=fixes, crowd_codes=crowd, context_codes=context, verbal_codes=verbal,
                               by_lemma=after(made.by_lemma, lexicon))


def deed_patterns(verbs_path: Path | Traversable, nouns_path: Path | Traversable) -> tuple[Pattern, ...]:
    """One pattern per verb of ``deed_verbs.tsv`` and noun of ``deed_nouns.tsv``: the verb's object noun names the
    subject's own deed ("announced the arrest of X" is 173, "ordered attacks on X" 190), its target the noun's
    preposition; after verbs.tsv's rows for the verb (same specificity, listed later)."""
    verbs = list(read_rows(verbs_path))
    return tuple(
        Pattern(
            lemma=v["verb"].lower(), pos="VERB", particle=v.get("particle") or None, complement=n["noun"].lower(),
            prep=None, targets=tuple(t for t in n["target"].split("|") if t), code=n["code"], reciprocal=False,
            example=n["example"], origin="eventwire:deeds",
        )
        for n in read_rows(nouns_path) for v in verbs
    )


def after(
    first: dict[tuple[str, str], tuple[Pattern, ...]], second: dict[tuple[str, str], tuple[Pattern, ...]]
) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """Each trigger's patterns of ``first``, then those of ``second``."""
    return {k: (*first.get(k, ()), *second.get(k, ())) for k in dict.fromkeys([*first, *second])}


def group_patterns(patterns: tuple[Pattern, ...]) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """Patterns by (lemma, pos), most specific first, in their given order otherwise."""
    by_lemma: dict[tuple[str, str], list[Pattern]] = {}
    for p in patterns:
        by_lemma.setdefault((p.lemma, p.pos), []).append(p)
    return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in by_lemma.items()}


def merge_patterns(first: Patterns, second: Patterns) -> Patterns:
    """``first``'s patterns for a trigger are all tried before ``second``'s; tables are ``second``'s,
    updated with ``first``'s."""
    keys = dict.fromkeys([*first.by_lemma, *second.by_lemma])
    by_lemma = {k: (*first.by_lemma.get(k, ()), *second.by_lemma.get(k, ())) for k in keys}
    return dataclasses.replace(
        second, by_lemma=by_lemma, modality={**second.modality, **first.modality},
        intent_codes={**second.intent_codes, **first.intent_codes},
    )
