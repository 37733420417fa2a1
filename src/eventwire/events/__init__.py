"""Events: who did what to whom, read off the dependency parse with the verb patterns.

Rule of this room: pure functions of the parsed ``Doc``, the patterns handed in and the earlier layers
(actors, quotes, times, places); no I/O, no loading. Never imports ``store``, ``serve`` or ``corpus``.
"""
