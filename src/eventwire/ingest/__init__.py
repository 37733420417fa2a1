"""Ingest: readers that turn files, feeds, pages and archives into articles to code."""
