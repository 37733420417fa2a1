"""Export: events from the store as CSV, JSON Lines, Parquet or PLOVER records."""
