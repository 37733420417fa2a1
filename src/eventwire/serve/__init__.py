"""Serve a store over HTTP: a JSON API (FastAPI, OpenAPI at /docs) and a dashboard."""

from eventwire.serve.app import make_app
from eventwire.serve.settings import Settings, settings_from_env

__all__ = ["Settings", "make_app", "settings_from_env"]
