"""Places: toponyms read, geocoded against the gazetteer, and the place of each event.

Rule of this room: pure functions of the parsed ``Doc``, the place knowledge handed in (``PlaceKnowledge``:
the gazetteer and demonyms, built by ``knowledge.gazetteer`` from the coder's knowledge base) and the actors
found before; no I/O, no loading. Imports ``records``, ``knowledge`` (types, word lists), ``nlp`` and ``actors``
only.

Modules by concern: ``names`` (reading a name against the gazetteer), ``mentions`` (the place names of a
``Doc``), ``mislabels`` (names the model mislabels, after a first reading), ``scoring`` (candidates and the
article's context), ``finder`` (the reading passes), ``location`` (the place of an event), ``reading`` (how
the sentence uses a name: literal, government or both, decided once for the places and the actor resolver).
"""

from eventwire.places.finder import (
    Toponym,
    actor_named_places,
    find_places,
    find_toponyms,
    is_location,
    record_places,
)
from eventwire.places.location import locate_event
from eventwire.places.names import place_country
from eventwire.places.reading import is_actor_reading, name_reading

__all__ = ["Toponym", "actor_named_places", "find_places", "find_toponyms", "is_actor_reading", "is_location",
           "locate_event", "name_reading", "place_country", "record_places"]
