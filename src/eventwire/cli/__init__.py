"""The ``eventwire`` command: argument parsing and printing only; the work is done by the other rooms."""

from eventwire.cli.main import main

__all__ = ["main"]
