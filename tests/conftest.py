"""Shared fixtures: the model and the coder load once per test session; shared data is optional."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp.model import make_nlp

    return make_nlp()


@pytest.fixture(scope="session")
def coder(nlp):
    from eventwire.pipeline import Coder

    return Coder(nlp=nlp)


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return (shared / "seed" / "article.txt").read_text(encoding="utf-8")
