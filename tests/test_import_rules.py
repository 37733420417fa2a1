"""The import rule: every import between the rooms of src/eventwire is one that ``src/eventwire/rooms.tsv`` allows.

The checker walks every module with ``ast``: imports at module level and inside functions, ``import eventwire.x``,
``from eventwire.x import y``, ``from eventwire import x`` (a room, or a name of the package's ``__init__``),
relative imports and ``importlib.import_module("eventwire.x")``. It is strict: known violations listed in the
table are reported like any other, and only the test sets them apart.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"
TABLE = PACKAGE / "rooms.tsv"
ANY = "*"
INIT = "__init__"


@dataclass(frozen=True)
class Rules:
    """What the table says: the rooms each room may import, and the known violations, to be removed."""

    allowed: dict[str, frozenset[str]]
    known: dict[tuple[str, str], str]  # (module path under the package, room it imports) -> who removes it


@dataclass(frozen=True)
class Violation:
    path: str  # under the package root, "store/write.py"
    line: int
    room: str
    imported: str  # the module (or package name) imported
    imported_room: str | None  # None: in no room of the table

    def __str__(self) -> str:
        if self.imported_room is None:
            return f"{self.path}:{self.line}: {self.imported} is in no room of rooms.tsv"
        return f"{self.path}:{self.line}: {self.room} may not import {self.imported_room} ({self.imported})"


def read_rules(path: Path) -> Rules:
    allowed: dict[str, frozenset[str]] = {}
    known: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "known-violation" and len(cells) == 4:
            known[(cells[1], cells[2])] = cells[3]
        elif len(cells) == 2 and cells[0] not in allowed:
            allowed[cells[0]] = frozenset() if cells[1] == "-" else frozenset(cells[1].split())
        else:
            raise ValueError(f"{path.name} line {number}: want 'room<TAB>rooms' or a known-violation row: {line!r}")
    return Rules(allowed, known)


def room_of_path(rel: Path) -> str:
    """The room of a module file: its top-level module or package, ``__init__`` for the package's own."""
    return INIT if rel.parts == ("__init__.py",) else rel.parts[0].removesuffix(".py")


def room_of_module(dotted: str) -> str:
    """The room of ``package.a.b``: ``a``; of the package itself, ``__init__``."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else INIT


def is_room(root: Path, name: str) -> bool:
    return (root / name).is_dir() or (root / f"{name}.py").is_file()


def imported_modules(tree: ast.AST, root: Path, package: str, rel: Path) -> Iterator[tuple[int, str]]:
    """(line, dotted module) for every import of the package in one module, wherever it stands."""
    own = [package, *rel.with_suffix("").parts][:-1]  # the package a relative import starts from
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = own[: len(own) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            if base == package:
                # "from eventwire import store": a room; "from eventwire import code_text": the package's __init__
                for alias in node.names:
                    yield node.lineno, f"{package}.{alias.name}" if is_room(root, alias.name) else package
            else:
                yield node.lineno, base
        elif isinstance(node, ast.Call) and _called(node) == "import_module" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield node.lineno, first.value


def _called(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def check(root: Path, rules: Rules) -> list[Violation]:
    """Every import under package ``root`` that the rules forbid, known violations included."""
    package = root.name
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        room = room_of_path(rel)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        if room not in rules.allowed:
            found.append(Violation(rel.as_posix(), 1, room, f"{package}.{room}", None))
            continue
        for line, dotted in imported_modules(tree, root, package, rel):
            if dotted != package and not dotted.startswith(package + "."):
                continue
            target = room_of_module(dotted)
            may = rules.allowed[room]
            if target == room or ANY in may or target in may:
                continue
            found.append(Violation(rel.as_posix(), line, room, dotted, target if target in rules.allowed else None))
    return found


RULES = read_rules(TABLE)


def test_no_import_breaks_the_rooms_table() -> None:
    unknown = [v for v in check(PACKAGE, RULES) if (v.path, v.imported_room) not in RULES.known]
    assert not unknown, "imports that src/eventwire/rooms.tsv forbids:\n" + "\n".join(map(str, unknown))


def test_known_violations_are_listed_until_removed() -> None:
    """Each known violation still happens (else its row must go); while any is left, the test reports them."""
    happening = {(v.path, v.imported_room): v for v in check(PACKAGE, RULES)}
    stale = [f"{path} -> {room}" for path, room in RULES.known if (path, room) not in happening]
    assert not stale, f"known violations that no longer happen, remove them from rooms.tsv: {stale}"
    if RULES.known:
        pytest.xfail("known violations, to be removed: " + "; ".join(
            f"{happening[key]} [{why}]" for key, why in RULES.known.items()))


def test_the_table_names_every_room_on_disk_and_no_other() -> None:
    on_disk = {room_of_path(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")}
    assert on_disk == set(RULES.allowed)
    named = {r for rooms in RULES.allowed.values() for r in rooms} - {ANY}
    assert named <= set(RULES.allowed), f"rooms.tsv allows rooms that do not exist: {named - set(RULES.allowed)}"
    assert RULES.allowed["records"] == frozenset() and RULES.allowed["knowledge"] == {"records"}


def _package(tmp_path: Path, modules: dict[str, str]) -> Path:
    root = tmp_path / "fakewire"
    for rel, text in modules.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_the_checker_reports_a_stage_importing_store_or_serve(tmp_path: Path) -> None:
    root = _package(tmp_path, {
        "__init__.py": "def code_text(): ...\n",
        "records.py": "",
        "store/__init__.py": "",
        "store/write.py": "from fakewire.records import *\n",
        "serve/__init__.py": "",
        "serve/app.py": "",
        "actors/__init__.py": "",
        "actors/good.py": "from fakewire.records import *\nfrom fakewire.actors import good\n",
        "events/__init__.py": "",
        "events/bad.py": """\
            from fakewire.store.write import x
            import fakewire.records


            def later():
                import fakewire.serve.app
                from fakewire import serve, records
                from fakewire import code_text
                from ..store import write
                from . import bad
        """,
    })
    found = {(v.path, v.line, v.imported_room) for v in check(root, RULES)}
    assert found == {
        ("events/bad.py", 1, "store"),
        ("events/bad.py", 6, "serve"),
        ("events/bad.py", 7, "serve"),
        ("events/bad.py", 8, "__init__"),
        ("events/bad.py", 9, "store"),
    }
    messages = [str(v) for v in check(root, RULES)]
    assert "events/bad.py:1: events may not import store (fakewire.store.write)" in messages


@pytest.mark.parametrize(("modules", "expected"), [
    pytest.param({
        "records.py": "",
        "helpers.py": "",
        "importer.py": "import importlib\nimportlib.import_module('fakewire.store')\n",
        "knowledge/__init__.py": "from fakewire import helpers\n",
    }, {
        "helpers.py:1: fakewire.helpers is in no room of rooms.tsv",
        "importer.py:1: fakewire.importer is in no room of rooms.tsv",
        "knowledge/__init__.py:1: fakewire.helpers is in no room of rooms.tsv",
    }, id="a module in no room, and an import of one"),
    pytest.param({
        "records.py": "",
        "store/__init__.py": "",
        "times/__init__.py": "import importlib\n\ndef f():\n    return importlib.import_module('fakewire.store')\n",
    }, {"times/__init__.py:4: times may not import store (fakewire.store)"}, id="a dynamic import"),
])
def test_the_checker_reports(tmp_path: Path, modules: dict[str, str], expected: set[str]) -> None:
    assert {str(v) for v in check(_package(tmp_path, modules), RULES)} == expected


def test_known_violations_are_still_reported_by_the_checker(tmp_path: Path) -> None:
    root = _package(tmp_path, {"records.py": "", "ingest/__init__.py": "",
                               "store/write.py": "import fakewire.ingest\n"})
    rules = Rules(RULES.allowed, {("store/write.py", "ingest"): "being removed"})
    assert [str(v) for v in check(root, rules)] == ["store/write.py:1: store may not import ingest (fakewire.ingest)"]


def test_a_malformed_row_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "rooms.tsv"
    table.write_text("records\t-\nrecords\tknowledge\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_rules(table)
