"""Build ``src/eventwire/data/actors/agents_phoenix.tsv``: generic agent nouns and their CAMEO sectors, from the
PETRARCH-2 Phoenix agents dictionary (Open Event Data Alliance, MIT licence), in our own format.

    python scripts/build_agents.py [--agents ../shared/data/petrarch2-dictionaries/Phoenix.agents.txt]

The dictionary is read with ``eventwire.knowledge.petrarch_actors`` (its substitution sets and plurals expanded)
and never copied. Kept: phrases of one to four words, with a code that follows a country (``[~GOV]``) and whose
first three letters are one of our documented sector codes (``docs/knowledge-base.md``); compound codes keep
their first sector (``GOVMIL`` -> ``GOV``) and the full code in ``code``. Left out: phrases our own
``sectors.tsv`` already has (ours win), religious and other codes we do not use as sectors, and the words
listed in ``NOT_AGENTS`` below (things, events and places the dictionary codes as actors, and words too
general to name a sector). Each row records its source.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.knowledge.petrarch_actors import read_agent_entries  # noqa: E402
from eventwire.knowledge.tables import read_rows  # noqa: E402

DEFAULT_AGENTS = ROOT.parent / "shared" / "data" / "petrarch2-dictionaries" / "Phoenix.agents.txt"
OUT = ROOT / "src" / "eventwire" / "data" / "actors" / "agents_phoenix.tsv"
CURATED = ROOT / "src" / "eventwire" / "data" / "actors" / "sectors.tsv"
SOURCE = "PETRARCH-2 Phoenix.agents.txt (Open Event Data Alliance, MIT)"

# The sector codes of docs/knowledge-base.md ("Sector codes").
SECTORS = frozenset(
    "GOV MIL COP JUD LEG SPY MED OPP PTY REB SEP UAF BUS CVL EDU LAB REL HLH REF AGR CRM ELI IGO NGO IMG".split()
)
PHRASE = re.compile(r"^[a-z][a-z' -]*[a-z]$")
# Words the dictionary codes that name no agent in running text, or too general a one to stand for a sector:
NOT_AGENTS = frozenset({
    # events and states of affairs
    "revolt", "revolts", "uprising", "uprisings", "rebellion", "rebellions", "insurgency", "insurgencies",
    "insurgence", "insurgences",
    # places and territories
    "village", "villages", "settlement", "settlements", "neighborhood", "neighborhoods", "neighbourhood",
    "neighbourhoods", "prison", "prisons", "kingdom", "kingdoms", "community", "communities", "polity",
    "polities", "governance", "gangland", "gangdom", "chamber", "chambers", "school", "schools",
    # adjectives and modifiers
    "naval", "islamic", "jewish", "retired", "naturalized", "semi-official", "state-owned", "hebrew", "buddhist",
    "christian", "hindu", "muslim", "moslem", "sunni",
    # people in general: no sector
    "man", "men", "woman", "women", "person", "persons", "people", "peoples", "girl", "girls", "mother",
    "mothers", "child", "children", "infant", "infants", "native", "natives",
    # words whose everyday sense is another
    "deputy", "deputies", "doc", "docs", "echelon", "echelons", "phalanx", "assemblage", "religion",
    "religions", "industry", "industries", "carrier", "carriers", "producer", "producers", "actor", "actors",
    "customer", "customers", "publication", "publications", "counsel", "engineer", "engineers",
    # what an agent does or has, which does nothing itself ("intelligence activities", "a military presence"); a
    # base or facility stays: an attack on it is on its owner ("attacked a military base")
    "activity", "activities", "presence",
})
# Whole phrases of the same kind whose last word also ends agent phrases ("ministry of information").
NOT_AGENT_PHRASES = frozenset({"intelligence information"})


def build(agents: Path) -> list[dict[str, str]]:
    curated = {r["phrase"] for r in read_rows(CURATED)}
    # A singular or plural of one of ours is ours too ("protester" goes with our "protesters", CVL).
    curated |= {f"{p}s" for p in curated} | {p[:-1] for p in curated if p.endswith("s")}
    rows: dict[str, dict[str, str]] = {}
    for entry in read_agent_entries(agents):
        phrase, code = entry.phrase.strip(), entry.code.upper()
        words = phrase.split()
        if (not entry.after or not code.isalpha() or code[:3] not in SECTORS or not 1 <= len(words) <= 4
                or not PHRASE.match(phrase) or phrase in curated or phrase in rows
                or any(w in NOT_AGENTS for w in words[-1:]) or phrase in NOT_AGENT_PHRASES):
            continue
        rows[phrase] = {"phrase": phrase, "sector": code[:3], "code": code, "source": SOURCE}
    return sorted(rows.values(), key=lambda r: r["phrase"])


HEADER = """\
# Generic agent nouns and their CAMEO sectors, derived from the PETRARCH-2 Phoenix agents dictionary
# (Phoenix.agents.txt, Open Event Data Alliance, MIT licence) by scripts/build_agents.py; do not edit by hand.
# Read after sectors.tsv: a phrase both files have is ours. Columns: phrase (lower case), sector (one of the
# codes of docs/knowledge-base.md, the first of a compound code), code (the dictionary's full agent code),
# source.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", type=Path, default=DEFAULT_AGENTS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not args.agents.exists():
        print(f"no agents dictionary at {args.agents}", file=sys.stderr)
        return 2
    rows = build(args.agents)
    with args.out.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        writer = csv.DictWriter(out, fieldnames=["phrase", "sector", "code", "source"], delimiter="\t",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} agent phrases to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
