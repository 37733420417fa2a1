"""Options every coding command shares: the user dictionaries, read into one ``CoderSettings`` value."""

from __future__ import annotations

import argparse

from eventwire.knowledge.settings import DEFAULT_BATCH_SIZE, DEFAULT_MAX_CHARS, CoderSettings
from eventwire.nlp.budget import DEFAULT_TIMEOUT_S


class UsageError(Exception):
    """Options that cannot go together; the command prints the message and exits with status 2."""


def add_dictionary_options(parser: argparse.ArgumentParser) -> None:
    """``--petrarch-actors``, ``--petrarch-agents``, ``--petrarch-verbs``, ``--petrarch-discards``,
    ``--people-table``, ``--no-broad-kb``."""
    group = parser.add_argument_group("dictionaries (docs/petrarch-import.md)")
    group.add_argument("--petrarch-actors", metavar="FILE", 
                       help="PETRARCH actor dictionary to add to the knowledge base")
    group.add_argument("--petrarch-agents", metavar="FILE",
                       help="PETRARCH agent dictionary to add to the knowledge base (with --petrarch-actors)")
    group.add_argument("--petrarch-verbs", metavar="FILE", 
                       help="PETRARCH verb dictionary whose patterns are tried first")
    group.add_argument("--petrarch-discards", metavar="FILE",
                       help="PETRARCH discards file: sentences/stories that code no event")
    group.add_argument("--people-table", metavar="FILE",
                       help="people table in our format (eventwire kb import-wikidata) over the bundled one")
    group.add_argument("--no-broad-kb", dest="broad_kb", action="store_false",
                       help="leave out the broad actor layer (docs/knowledge-base.md)")


def add_timeout_option(parser: argparse.ArgumentParser, default: float = DEFAULT_TIMEOUT_S) -> None:
    """``--timeout SECONDS``: each article's time budget (docs/run.md, "Bounded cost")."""
    parser.add_argument("--timeout", type=float, default=default, metavar="SECONDS",
                        help=f"seconds allowed per article (default {default:g}; 0 for no limit)")


def timeout_seconds(args: argparse.Namespace) -> float | None:
    """The ``--timeout`` a command was given, None for no limit (0 or less)."""
    value = getattr(args, "timeout", None)
    return value if value is not None and value > 0 else None


def coder_settings(args: argparse.Namespace) -> CoderSettings:
    """The settings a command's arguments ask for; ``UsageError`` for a bad combination, ``FileNotFoundError``
    for a dictionary file that is not there (both exit 2)."""
    try:
        settings = CoderSettings(
            petrarch_actors=getattr(args, "petrarch_actors", None),
            petrarch_agents=getattr(args, "petrarch_agents", None),
            petrarch_verbs=getattr(args, "petrarch_verbs", None),
            petrarch_discards=getattr(args, "petrarch_discards", None),
            people_table=getattr(args, "people_table", None),
            broad_kb=getattr(args, "broad_kb", True),
            max_chars=getattr(args, "max_chars", None) or DEFAULT_MAX_CHARS,
            batch_size=getattr(args, "batch_size", None) or DEFAULT_BATCH_SIZE,
        )
    except ValueError as err:
        raise UsageError(str(err)) from None
    settings.check()  # FileNotFoundError: an OSError, reported with exit status 2
    if settings.people_table:
        from eventwire.knowledge.actors import read_people_table

        try:
            read_people_table(settings.people_table)
        except ValueError as err:
            raise UsageError(f"--people-table: {err}") from None
    return settings
