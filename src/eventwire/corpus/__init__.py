"""Corpus: coding many articles into the store: runs, workers, the Dask engine, feed watching.

Rule of this room: composes ``ingest``, ``pipeline``, ``store`` and ``dedup``; the one run lifecycle
(start a run, write batches, refresh clusters, finish) lives here. No SQL of its own.
"""
