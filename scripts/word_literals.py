"""Count the English word literals left in the code of ``src/eventwire`` (the measure of "word lists are data").

Method: an ``ast`` walk of every module; docstrings, messages and regular expressions never count.

* a *word* is an alphabetic token, in either case, inner ``-`` or ``'`` allowed ("mid-year", "N'T");
* a string constant split into a word set (``"be lie sit".split()``) counts each of its words;
* a set, tuple or list literal whose elements are all string constants (so also the argument of
  ``frozenset``/``set``/``tuple``), and the keys of a dict literal whose keys are all strings, count each word
  of each element;
* a collection of labels and codes does not count: one whose every string is a spaCy label (dependency label,
  coarse or fine part-of-speech tag, entity label), a code of at most three upper-case letters (sector codes,
  TimeML units, suffixes), or no word at all (punctuation, ``PREFER_DATES_FROM``); nor does ``__all__``.

Internal identifiers written in lower case (record kinds such as ``"person"``, column names) are words by
this measure and do count: the report says which of those are left.

Usage: ``python scripts/word_literals.py [--by-file] [--by-room] [--list] [ROOT]`` (ROOT defaults to ``src/eventwire``).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")
# spaCy's English labels: dependency labels (ClearNLP style, and the Universal Dependencies names the stages
# also test for), coarse part-of-speech tags, the fine tags longer than three letters, entity labels.
LABELS = frozenset(
    "acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj csubj csubjpass "
    "dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod oprd parataxis pcomp "
    "pobj poss preconj predet prep prt punct quantmod relcl xcomp obj iobj obl ROOT "
    "ADJ ADP ADV AUX CONJ CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB SPACE NNPS "
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE DATE TIME PERCENT MONEY QUANTITY "
    "ORDINAL CARDINAL".split()
)


def _words(text: str) -> list[str]:
    return [w for w in text.split() if WORD.match(w)]


def _strings(node: ast.AST) -> list[str] | None:
    """The strings of a literal collection of string constants, else None."""
    if isinstance(node, ast.Set | ast.Tuple | ast.List) and node.elts:
        if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            return [e.value for e in node.elts]  # type: ignore[attr-defined]
    if isinstance(node, ast.Dict) and node.keys:
        if all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys):
            return [k.value for k in node.keys]  # type: ignore[union-attr]
    return None


def _is_label(text: str) -> bool:
    return text in LABELS or not WORD.match(text) or (text.isupper() and len(text) <= 3)


def _is_label_set(strings: list[str]) -> bool:
    return all(_is_label(s) for s in strings)


def count(path: Path) -> list[tuple[int, str]]:
    """(line, word) for every English word literal in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []
    exports = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    }
    for node in ast.walk(tree):
        if id(node) in exports:
            continue
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and not node.args
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            strings = node.func.value.value.split()
        else:
            strings = _strings(node) or []
        if strings and not _is_label_set(strings):
            found.extend((node.lineno, w) for s in strings for w in _words(s))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="src/eventwire")
    parser.add_argument("--by-file", action="store_true", help="a count per module")
    parser.add_argument("--by-room", action="store_true", help="a count per room (top-level module or package)")
    parser.add_argument("--list", action="store_true", help="every word with its file and line")
    args = parser.parse_args(argv)
    root = Path(args.root)
    per_file: Counter[str] = Counter()
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        for line, word in count(path):
            per_file[rel] += 1
            if args.list:
                print(f"{rel}:{line}\t{word}")
    if args.by_file:
        for rel, n in sorted(per_file.items()):
            print(f"{n:6d}  {rel}")
    if args.by_room:
        per_room: Counter[str] = Counter()
        for rel, n in per_file.items():
            per_room[rel.split("/")[0].removesuffix(".py")] += n
        for room, n in sorted(per_room.items()):
            print(f"{n:6d}  {room}")
    print(f"{sum(per_file.values())} English word literals in {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
