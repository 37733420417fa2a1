"""Places: toponyms read, geocoded against the gazetteer, and the place of each event.

Rule of this room: pure functions of the parsed ``Doc``, the gazetteer handed in and the actors found
before; no I/O, no loading. Imports ``records``, ``knowledge`` (types), ``nlp`` and ``actors`` only.
"""
