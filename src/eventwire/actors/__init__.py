"""Actors: finding the people, organisations, countries and metonyms a parsed article names.

Rule of this room: pure functions of the parsed ``Doc`` and the knowledge handed in; no I/O, no loading.
Imports ``records``, ``knowledge`` (types) and ``nlp`` only.
"""
