"""Times: time expressions normalised to TimeML values, and each event's own date.

Rule of this room: pure functions of the parsed ``Doc``, the publication date and the time words
handed in; no I/O, no loading. Imports ``records``, ``knowledge`` (types) and ``nlp`` only.
"""
