"""``eventwire kb``: look into the actor knowledge base and refresh it.

    eventwire kb who --post "foreign minister" --country RUS --on 2020-01-01
    eventwire kb show "Sergey Lavrov" [--on DAY]
    eventwire kb stale --before 2025-01-01 [--broad]
    eventwire kb import-wikidata DUMP.json[.gz|.bz2] --out DIR      # then: eventwire code --people-table DIR/people.tsv
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from eventwire.cli.corpus import day_argument
from eventwire.cli.options import UsageError
from eventwire.knowledge.actors import Actor, KnowledgeBase, Role, load_kb, name_key, read_people_table


def iso_day(value: str) -> date:
    """An argparse type: a day (``day_argument``'s formats) as a ``date``."""
    return date.fromisoformat(day_argument(value))


def add_kb_command(sub: argparse._SubParsersAction) -> None:
    kb = sub.add_parser("kb", help="look up the actor knowledge base; import people from Wikidata")
    commands = kb.add_subparsers(dest="kb_command", required=True)
    who = commands.add_parser("who", help="who held a post (or a code) on a day")
    who.add_argument("--post", help='post, e.g. "foreign minister", "prime minister", "president"')
    who.add_argument("--country", help="ISO 3166-1 alpha-3 code, e.g. RUS")
    who.add_argument("--code", help="actor code or its start, e.g. RUSGOV, IGOUNO")
    who.add_argument("--on", type=iso_day, help="the day, YYYY-MM-DD (default: today)")
    show = commands.add_parser("show", help="an actor's names and roles, with their sources")
    show.add_argument("name", help='a name or alias, e.g. "Sergey Lavrov", or an actor id')
    show.add_argument("--on", type=iso_day, help="also print the code the actor carries on this day")
    stale = commands.add_parser("stale", help="roles still open whose last recorded fact is older than a day")
    stale.add_argument("--before", type=iso_day, required=True, help="the day, YYYY-MM-DD")
    stale.add_argument("--broad", action="store_true", help="include the broad layer (PETRARCH2 facts)")
    wikidata = commands.add_parser("import-wikidata", help="rebuild the people table from a Wikidata JSON dump")
    wikidata.add_argument("dump", help="Wikidata entity dump, one entity per line (.json, .json.gz, .json.bz2)")
    wikidata.add_argument("--out", required=True, help="folder to write people.tsv to")
    wikidata.add_argument("--positions", help="position rules instead of data/actors/wikidata_positions.tsv")
    for parser in (who, show, stale):
        parser.add_argument("--people-table", metavar="FILE", help="a people table over the bundled one")
        parser.add_argument("--no-broad-kb", dest="broad_kb", action="store_false", help="leave out the broad layer")
        parser.add_argument("--format", choices=("text", "json"), default="text")
    kb.set_defaults(handler=run_kb)


def run_kb(args: argparse.Namespace) -> int:
    if args.kb_command == "import-wikidata":
        return run_import(args)
    if args.people_table:
        if not Path(args.people_table).is_file():
            raise FileNotFoundError(f"--people-table: no such file: {args.people_table}")
        try:
            read_people_table(args.people_table)
        except ValueError as err:
            raise UsageError(str(err)) from None
    kb = load_kb(args.broad_kb and (args.kb_command != "stale" or args.broad), args.people_table)
    if args.kb_command == "who":
        rows = who(kb, args.post, args.country, args.code, args.on or date.today())
    elif args.kb_command == "show":
        rows = show(kb, args.name, args.on)
        if not rows:
            print(f"eventwire kb: no actor named {args.name!r}", file=sys.stderr)
            return 1
    else:
        rows = stale(kb, args.before)
    emit(rows, args.format)
    return 0


def emit(rows: list[dict[str, str]], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        print("\t".join(row.values()))


def span(role: Role) -> str:
    return f"{role.start or ''}..{role.end or ''}"


def role_row(actor: Actor, role: Role) -> dict[str, str]:
    return {"id": actor.id, "name": actor.name, "code": role.code, "role": role.role or "", "span": span(role),
            "source": role.source or ""}


def post_words(post: str, kb: KnowledgeBase) -> str:
    """The canonical role a post names ("foreign minister" is "Minister of Foreign Affairs", by sectors.tsv)."""
    wanted = " ".join(post.lower().split())
    canonical = next((s.role for s in kb.sectors if s.phrase == wanted and s.role), None)
    return (canonical or wanted).lower()


def who(kb: KnowledgeBase, post: str | None, country: str | None, code: str | None, day: date) -> list[dict[str, str]]:
    """Every role held on ``day`` that fits the post, country and code asked for, newest appointment first."""
    if not (post or country or code):
        raise UsageError("kb who needs --post, --country or --code")
    role_name = post_words(post, kb) if post else None
    found = []
    for actor in kb.actors:
        for role in actor.roles:
            if not role.holds_on(day) or (country and role.country != country.upper()):
                continue
            if code and not role.code.startswith(code.upper()):
                continue
            if role_name and role_name not in (role.role or "").lower():
                continue
            found.append((role.start or date.min, actor, role))
    if role_name:  # the post itself ("Prime Minister", "Acting Prime Minister") before posts that contain its name
        exact = [f for f in found if (f[2].role or "").lower() in {role_name, f"acting {role_name}"}]
        found = exact or found
    found.sort(key=lambda item: item[0], reverse=True)
    return [role_row(actor, role) for _, actor, role in found]


def show(kb: KnowledgeBase, name: str, day: date | None) -> list[dict[str, str]]:
    key = name_key(name)
    rows: list[dict[str, str]] = []
    for actor in kb.actors:
        if actor.id != name and key not in {name_key(n) for n in (actor.name, *actor.aliases)}:
            continue
        rows.append({"id": actor.id, "name": actor.name, "kind": actor.kind, "aliases": "|".join(actor.aliases)})
        for role in sorted(actor.roles, key=lambda r: r.start or date.min):
            rows.append(role_row(actor, role))
        if day is not None:
            held = actor.role_on(day)
            rows.append({"id": actor.id, "on": day.isoformat(), "code": held.code if held else "",
                         "role": (held.role or "") if held else ""})
    return rows


def stale(kb: KnowledgeBase, before: date) -> list[dict[str, str]]:
    """Roles with no end (still held as far as the table knows) of actors whose last recorded date (a start or
    an end of any of their roles) is before ``before``: the entries to check first."""
    rows: list[dict[str, str]] = []
    for actor in kb.actors:
        days = [d for r in actor.roles for d in (r.start, r.end) if d is not None]
        if not days or max(days) >= before:
            continue
        rows.extend(role_row(actor, r) for r in actor.roles if r.end is None)
    return rows


def run_import(args: argparse.Namespace) -> int:
    from eventwire.knowledge.wikidata import import_people, load_rules, render_table

    dump = Path(args.dump)
    if not dump.is_file():
        raise FileNotFoundError(f"no such dump: {dump}")
    rules = load_rules(Path(args.positions)) if args.positions else None
    rows, report = import_people(dump, rules)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "people.tsv"
    target.write_text(render_table(rows, str(dump)), encoding="utf-8")
    left = ", ".join(f"{why}: {n}" for why, n in sorted(report.left_out.items())) or "none"
    print(f"{target}: {report.people} people, {report.rows} roles from {report.lines} entities "
          f"({report.bad_lines} bad lines skipped); left out: {left}", file=sys.stderr)
    return 0
