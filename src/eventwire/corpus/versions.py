"""Fingerprints of what codes an article: the coder's source code and its data files."""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata, resources
from pathlib import Path

from eventwire.store.write import Versions

# The packages whose code decides what a record contains (not how it is read, stored or exported).
CODER_PACKAGES = ("extract", "resolve", "nlp")
CODER_MODULES = ("pipeline.py", "records.py")


def _digest(paths: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


@functools.lru_cache(maxsize=1)
def current_versions() -> Versions:
    """``coder``: package version plus a hash of the coding code; ``dictionary``: a hash of ``data/``."""
    root = Path(str(resources.files("eventwire")))
    code = [root / m for m in CODER_MODULES] + [p for pkg in CODER_PACKAGES for p in (root / pkg).rglob("*.py")]
    data = [p for p in (root / "data").rglob("*") if p.is_file() and "samples" not in p.parts]
    try:
        version = metadata.version("eventwire")
    except metadata.PackageNotFoundError:
        version = "0"
    return Versions(coder=f"{version}+{_digest(code, root)}", dictionary=_digest(data, root))
