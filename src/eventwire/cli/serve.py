"""The ``eventwire serve`` command: the API and dashboard over a store, with uvicorn."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from eventwire.cli.options import add_dictionary_options, add_timeout_option, coder_settings, timeout_seconds
from eventwire.knowledge.settings import CoderSettings
from eventwire.nlp.budget import SERVE_TIMEOUT_S

log = logging.getLogger("eventwire")

DEFAULT_DB = "eventwire.db"
SERVE_DB = "EVENTWIRE_SERVE_DB"
SERVE_OPTIONS = "EVENTWIRE_SERVE_OPTIONS"


def add_serve_command(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``serve`` to the ``eventwire`` command's sub-parsers."""
    serve = subparsers.add_parser("serve", help="serve a store: HTTP API (OpenAPI at /docs) and dashboard at /")
    serve.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default {DEFAULT_DB})")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--protect-reads", action="store_true",
                       help="read endpoints need the API key too (EVENTWIRE_PROTECT_READS=1 does the same)")
    serve.add_argument("--max-limit", type=int, help="largest page size a client may ask for (default 500)")
    serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (default 1)")
    serve.add_argument("--allowed-host", action="append", default=[], metavar="NAME", type=host_name,
                       help="also answer requests for this Host (name or name:port; repeatable), e.g. the public "
                            "name behind a proxy; by default only localhost, 127.0.0.1, [::1] and --host are "
                            "answered (others get 421: DNS rebinding)")
    add_timeout_option(serve, SERVE_TIMEOUT_S)  # POST /api/code answers 422 for an article past it
    add_dictionary_options(serve)
    serve.set_defaults(handler=run_serve)


def host_name(value: str) -> str:
    """A ``--allowed-host`` value: a name or address with an optional port (IPv6 in brackets), or ``*``."""
    if value != "*" and (not value or any(c in value for c in "/@ \t") or (value.count(":") > 1 and "]" not in value)):
        raise argparse.ArgumentTypeError(f"{value!r}: give a host name with an optional port (events.example.org, "
                                         "events.example.org:8443, [2001:db8::1]), not a URL")
    return value


def run_serve(args: argparse.Namespace) -> int:
    """Serve until interrupted; 2 when the store is missing. The API key comes from ``EVENTWIRE_API_KEY``."""
    import uvicorn

    from eventwire.serve.app import make_app
    from eventwire.serve.coding import coder_factory
    from eventwire.serve.hosts import LOOPBACK, listen_names
    from eventwire.serve.settings import settings_from_env

    if not Path(args.db).is_file():
        print(f"eventwire: no store at {args.db} (create one with `eventwire run`)", file=sys.stderr)
        return 2
    problem = store_problem(Path(args.db))
    if problem:
        print(f"eventwire: cannot serve {args.db}: {problem}", file=sys.stderr)
        return 2
    coder = coder_settings(args)
    overrides = serve_overrides(args)
    settings = settings_from_env(args.db, coder=coder, **overrides)
    if settings.api_key is None:
        log.warning("EVENTWIRE_API_KEY is not set: POST /api/code is refused until it is")
    if not listen_names(args.host) and not args.allowed_host:
        log.warning("listening on %s, but only requests for %s are answered: name the host clients use with "
                    "--allowed-host", args.host, ", ".join(LOOPBACK))
    if args.workers > 1:  # each worker process builds its app from the environment: hand it every option
        import os

        os.environ[SERVE_DB] = str(args.db)
        os.environ[SERVE_OPTIONS] = json.dumps({"coder": coder.describe(), "timeout_s": timeout_seconds(args),
                                                **overrides})
        uvicorn.run("eventwire.cli.serve:app_from_env", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="warning")
        return 0
    app = make_app(settings, coder_factory=coder_factory(coder, timeout_seconds(args)))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def serve_overrides(args: argparse.Namespace) -> dict[str, object]:
    """The settings the command's options set (None: the default or the environment decides); with
    ``--workers N`` they reach every worker as JSON."""
    from eventwire.serve.hosts import LOOPBACK, listen_names

    hosts = dict.fromkeys([*listen_names(args.host), *LOOPBACK, *args.allowed_host])
    return {"protect_reads": args.protect_reads or None, "max_limit": args.max_limit, "allowed_hosts": list(hosts)}


def store_problem(db: Path) -> str | None:
    """Why ``db`` cannot be served (not an SQLite file, or a store that cannot be migrated), or None."""
    import sqlite3

    from eventwire.store.connect import open_store

    try:
        open_store(db).close()  # creates nothing new: the file exists; applies migrations once
    except sqlite3.DatabaseError as err:
        return str(err)
    return None


def app_from_env():  # noqa: ANN201 - uvicorn's factory for worker processes
    """The app for a uvicorn worker process: the store from ``EVENTWIRE_SERVE_DB``, the command's options from
    ``EVENTWIRE_SERVE_OPTIONS`` (set by ``run_serve``), the API key from the environment."""
    import os

    from eventwire.serve.app import make_app
    from eventwire.serve.coding import coder_factory
    from eventwire.serve.settings import settings_from_env

    options = json.loads(os.environ.get(SERVE_OPTIONS) or "{}")
    coder = CoderSettings(**options.pop("coder", {}))
    timeout_s = options.pop("timeout_s", SERVE_TIMEOUT_S)
    return make_app(settings_from_env(os.environ[SERVE_DB], coder=coder, **options),
                    coder_factory=coder_factory(coder, timeout_s))


def main(argv: list[str] | None = None) -> int:
    """``python -m eventwire.cli.serve``: the serve command alone."""
    parser = argparse.ArgumentParser(prog="eventwire", description=__doc__)
    add_serve_command(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
