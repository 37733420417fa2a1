"""Run: code a corpus from its sources into the store, on local processes or a Dask cluster."""
