"""The ``eventwire alerts`` command: dyads whose last week departs from their own baseline
(``store.shifts``, the rule in ``store.shift_rule``; docs/serve.md, "Dyad shift alerts")."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eventwire.cli.corpus import DEFAULT_DB, add_flag_options, day_argument, flag_filter
from eventwire.store.filters import EventFilter
from eventwire.store.shift_rule import Rule


def add_alert_options(parser: argparse.ArgumentParser) -> None:
    """The rule's settings, shared by ``alerts`` and ``watch --alerts``."""
    group = parser.add_argument_group("dyad shift rule (docs/serve.md, \"Dyad shift alerts\")")
    group.add_argument("--alert-weeks", type=int, default=Rule.weeks, metavar="N",
                       help=f"trailing baseline weeks (default {Rule.weeks})")
    group.add_argument("--alert-min-events", type=int, default=Rule.min_events, metavar="N",
                       help=f"events the tested week needs (default {Rule.min_events})")
    group.add_argument("--alert-min-baseline", type=int, default=Rule.min_baseline, metavar="N",
                       help=f"events the baseline weeks need together (default {Rule.min_baseline})")
    group.add_argument("--alert-z", type=float, default=Rule.z, metavar="Z",
                       help=f"standard deviations from the baseline that raise an alert (default {Rule.z:g})")
    group.add_argument("--alert-kind", choices=("country", "actor"), default="country",
                       help="dyads of countries (default) or of actor codes")


def rule_of(args: argparse.Namespace) -> Rule:
    if args.alert_weeks < 2 or args.alert_min_events < 1 or args.alert_min_baseline < 1 or args.alert_z <= 0:
        raise ValueError("--alert-weeks must be at least 2, the minimum counts at least 1 and --alert-z positive")
    return Rule(args.alert_weeks, args.alert_min_events, args.alert_min_baseline, args.alert_z)


def add_alerts_command(subparsers: Any) -> None:
    alerts = subparsers.add_parser("alerts", help="dyads whose last week departs from their own baseline")
    alerts.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    alerts.add_argument("--since", type=day_argument,
                        help="test every week from the week of this day (default: the store's last week)")
    alerts.add_argument("--format", choices=("text", "json"), default="text")
    alerts.add_argument("--evidence", type=int, default=5, metavar="N", help="evidence sentences per alert (text)")
    add_alert_options(alerts)
    add_flag_options(alerts)
    alerts.set_defaults(handler=run_alerts)


def find_alerts(db: Path, args: argparse.Namespace, flags: EventFilter, since: str | None,
                evidence_limit: int = 20) -> list[dict[str, Any]]:
    """The alerts of the store at ``db`` with the rule of ``args`` over the events ``flags`` selects."""
    from eventwire.store.connect import open_existing
    from eventwire.store.shifts import dyad_alerts

    conn = open_existing(db)
    try:
        return dyad_alerts(conn, flags, rule_of(args), since, args.alert_kind, evidence_limit)
    finally:
        conn.close()


class AlertPrinter:
    """``watch --alerts``: after each poll, the alerts of the store's last week not printed before."""

    def __init__(self, db: Path, args: argparse.Namespace, evidence: int = 3) -> None:
        from eventwire.store.filters import actual_events

        self.db, self.args, self.evidence = db, args, evidence
        self.flags = actual_events(EventFilter())
        self.seen: set[tuple[str, str, str, str]] = set()

    def __call__(self) -> list[str]:
        lines = []
        for alert in find_alerts(self.db, self.args, self.flags, None):
            key = (alert["a"], alert["b"], alert["week"], alert["direction"])
            if key not in self.seen:
                self.seen.add(key)
                lines += format_alert(alert, self.evidence)
        return lines


def format_alert(alert: dict[str, Any], evidence: int) -> list[str]:
    base = alert["baseline"]
    parts = []
    for s in alert["shifts"]:
        name = "conflict share" if s["measure"] == "conflict_share" else "mean Goldstein"
        parts.append(f"{name} {s['week_value']:g} against {s['baseline_value']:g} (z {s['z']:+.1f})")
    lines = [f"{alert['week']}..{alert['week_end']} {alert['a']}-{alert['b']} {alert['direction']}: "
             f"{alert['events']} events; " + "; ".join(parts) +
             f"; baseline {base['events']} events over {base['weeks']} weeks"]
    for e in alert["evidence"][:evidence]:
        sentence = " ".join(e["evidence"].split())
        lines.append(f"    {e['day']} {e['cameo']} {e['goldstein']:+.1f} [{e['article_id']}] "
                     f"{sentence[:150] + ('...' if len(sentence) > 150 else '')}")
    return lines


def run_alerts(args: argparse.Namespace) -> int:
    import sqlite3

    if not Path(args.db).is_file():
        print(f"eventwire: no store at {args.db}", file=sys.stderr)
        return 2
    try:
        alerts = find_alerts(Path(args.db), args, flag_filter(args, EventFilter()), args.since)
    except ValueError as err:
        print(f"eventwire alerts: {err}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as err:
        print(f"eventwire: cannot use the store {args.db}: {err}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(alerts, ensure_ascii=False, indent=1))
    else:
        for alert in alerts:
            print("\n".join(format_alert(alert, args.evidence)))
        print(f"{len(alerts)} dyad shift alert{'s' if len(alerts) != 1 else ''}", file=sys.stderr)
    return 0
