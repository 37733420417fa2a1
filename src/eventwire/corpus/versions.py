"""Fingerprints of what codes an article: the coder's source code, and the data and dictionaries it used."""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata, resources
from pathlib import Path

from eventwire.knowledge.settings import BUNDLED, CoderSettings
from eventwire.store.write import Versions

# The rooms whose code decides what a record contains (not how it is read, stored or exported).
CODER_PACKAGES = ("knowledge", "nlp", "actors", "quotes", "times", "places", "events")
CODER_MODULES = ("pipeline.py", "records.py")


def _digest(paths: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


@functools.lru_cache(maxsize=4)
def current_versions(settings: CoderSettings = BUNDLED) -> Versions:
    """``coder``: package version plus a hash of the coding code; ``dictionary``: the settings' fingerprint
    (the bundled ``data/`` and every user dictionary), so a run with other dictionaries is told apart."""
    root = Path(str(resources.files("eventwire")))
    code = [root / m for m in CODER_MODULES] + [p for pkg in CODER_PACKAGES for p in (root / pkg).rglob("*.py")]
    try:
        version = metadata.version("eventwire")
    except metadata.PackageNotFoundError:
        version = "0"
    return Versions(coder=f"{version}+{_digest(code, root)}", dictionary=settings.fingerprint())
