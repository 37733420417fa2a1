"""The CAMEO codebook: names, Goldstein weights, quad classes and PLOVER mappings of every event code."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

CODEBOOK = resources.files("eventwire") / "data" / "codebook" / "cameo.tsv"
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its weights and its PLOVER type, mode and context."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def root(self) -> str:
        return root_of(self.code)


def root_of(code: str) -> str:
    """The two-digit root of a CAMEO code: '0231' -> '02', '190' -> '19'."""
    code = code.strip()
    if len(code) < 2 or not code[:2].isdigit():
        raise ValueError(f"not a CAMEO code: {code!r}")
    return code[:2]


def parse_row(row: dict[str, str]) -> CameoCode:
    return CameoCode(
        code=row["code"],
        name=row["name"],
        goldstein=float(row["goldstein"]),
        quad_class=int(row["quad_class"]),
        plover_type=row["plover_type"] or None,
        plover_mode=row["plover_mode"] or None,
        plover_context=tuple(c for c in (row["plover_context"] or "").split("|") if c),
    )


def parse_codebook(text: str) -> dict[str, CameoCode]:
    """Codes of a cameo.tsv text (header line, '#' comment lines) keyed by code."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return {c.code: c for c in map(parse_row, reader)}


@functools.lru_cache(maxsize=1)
def load_codebook() -> dict[str, CameoCode]:
    """The shipped codebook, keyed by code ('01' roots as well as 3- and 4-digit codes)."""
    return parse_codebook(CODEBOOK.read_text(encoding="utf-8"))


def lookup(code: str) -> CameoCode | None:
    """The entry for ``code``, falling back to the 3-digit parent, then to the root."""
    book = load_codebook()
    for candidate in (code, code[:3], code[:2]):
        if candidate in book:
            return book[candidate]
    return None
