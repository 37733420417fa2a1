"""The five countries the hand-built event tests code with (a small knowledge base, no data files)."""

from __future__ import annotations

from eventwire.knowledge.actors import Country

COUNTRIES = (
    Country("RUS", "RU", "Russia", (), ("Russian", "Russians"), "Moscow"),
    Country("ARM", "AM", "Armenia", (), ("Armenian", "Armenians"), "Yerevan"),
    Country("AZE", "AZ", "Azerbaijan", (), ("Azerbaijani",), "Baku"),
    Country("FRA", "FR", "France", (), ("French",), "Paris"),
    Country("USA", "US", "United States", ("US",), ("American",), "Washington"),
)
