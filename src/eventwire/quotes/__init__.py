"""Quotes: direct, partial and indirect quotes and their speakers.

Rule of this room: pure functions of the parsed ``Doc``, the knowledge handed in and the actors found
before; no I/O, no loading. Imports ``records``, ``knowledge`` (types), ``nlp`` and ``actors`` only.
"""
