"""What a served app needs to know: the store, the API key, whether reads need it, and the limits."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from eventwire.knowledge.settings import BUNDLED, CoderSettings
from eventwire.serve.hosts import LOOPBACK

WEB_DIR = Path(__file__).resolve().parent / "web"


@dataclass(frozen=True)
class Settings:
    """One settings object for the app (no keyword sprawl); every limit is enforced by the API."""

    db: Path
    api_key: str | None = None  # None: POST /code is refused (403) until a key is configured
    protect_reads: bool = False  # True: GET endpoints need the key too
    default_limit: int = 50
    max_limit: int = 500
    max_body_bytes: int = 1_000_000  # POST bodies larger than this are refused with 413
    max_text_chars: int = 200_000  # articles longer than this are refused with 422 before coding
    max_export_rows: int = 50_000  # a download of more events is refused (422): `eventwire export` has no limit
    pool_size: int = 8  # SQLite connections kept open for readers
    web_dir: Path = WEB_DIR  # dashboard files; node_modules below it holds the npm libraries
    coder: CoderSettings = BUNDLED  # what POST /api/code codes with: the bundled data and any user dictionaries
    allowed_hosts: tuple[str, ...] = LOOPBACK  # Host names answered (host or host:port; "*" any); others get 421


def settings_from_env(db: str | Path, **overrides: object) -> Settings:
    """Settings for ``db`` with the API key from ``EVENTWIRE_API_KEY`` and reads protected when
    ``EVENTWIRE_PROTECT_READS`` is 1/true/yes; ``overrides`` win over both."""
    values: dict[str, object] = {
        "db": Path(db),
        "api_key": os.environ.get("EVENTWIRE_API_KEY") or None,
        "protect_reads": os.environ.get("EVENTWIRE_PROTECT_READS", "").lower() in {"1", "true", "yes"},
    }
    values.update({k: tuple(v) if isinstance(v, list) else v for k, v in overrides.items() if v is not None})
    return Settings(**values)  # type: ignore[arg-type]
