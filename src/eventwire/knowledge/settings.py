"""What a coder is built from: the bundled data, any user dictionaries, and the coding options.

One ``CoderSettings`` value is what ``eventwire code``, ``run``, ``watch``, ``serve`` and the Python API build a
``Coder`` from. It is small, frozen and picklable, so it is what a worker process (local or Dask) is sent; the
worker builds the same knowledge from it. Its ``fingerprint`` says which dictionaries coded an article.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path

DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_BATCH_SIZE = 16
# The user dictionaries a coder accepts, by option name (docs/petrarch-import.md).
DICTIONARY_OPTIONS = ("petrarch_actors", "petrarch_agents", "petrarch_verbs", "petrarch_discards", "people_table")


@dataclass(frozen=True)
class CoderSettings:
    """User dictionaries (paths to PETRARCH files; None: not used) and coding options."""

    petrarch_actors: str | None = None
    petrarch_agents: str | None = None
    petrarch_verbs: str | None = None
    petrarch_discards: str | None = None
    people_table: str | None = None  # a people table in our format over the curated one (docs/knowledge-base.md)
    broad_kb: bool = True  # the broad actor layer (data/actors/broad_*.tsv) under the curated tables
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = DEFAULT_BATCH_SIZE

    def __post_init__(self) -> None:
        if self.max_chars < 1:
            raise ValueError(f"max_chars must be positive, not {self.max_chars}")
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be positive, not {self.batch_size}")
        if self.petrarch_agents and not self.petrarch_actors:
            raise ValueError("petrarch_agents needs petrarch_actors: agents are read with their actor dictionary")
        for name in DICTIONARY_OPTIONS:  # absolute, so a worker in another directory reads the same file
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, str(Path(value).expanduser().resolve()))

    def dictionaries(self) -> dict[str, str]:
        """The user dictionaries given, by option name."""
        return {name: getattr(self, name) for name in DICTIONARY_OPTIONS if getattr(self, name)}

    def check(self) -> None:
        """Raise ``FileNotFoundError`` naming the option when a dictionary file is missing."""
        for name, path in self.dictionaries().items():
            if not Path(path).is_file():
                raise FileNotFoundError(f"--{name.replace('_', '-')}: no such file: {path}")

    def fingerprint(self) -> str:
        """A hash of the bundled data files and of every user dictionary's role and bytes."""
        root = Path(str(resources.files("eventwire")))
        h = hashlib.sha256()
        for path in sorted(p for p in (root / "data").rglob("*") if p.is_file() and "samples" not in p.parts):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
        for name, user_file in sorted(self.dictionaries().items()):
            h.update(f"user:{name}".encode())
            h.update(Path(user_file).read_bytes())
        if not self.broad_kb:
            h.update(b"no-broad-kb")
        return h.hexdigest()[:12]

    def describe(self) -> dict[str, object]:
        """The settings as plain values, for a run's recorded options."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


BUNDLED = CoderSettings()  # the bundled data alone, with the default options
