"""Knowledge: every data file the coder uses, read into frozen values.

Rule of this room: the only code that reads ``eventwire/data/`` (and users' dictionaries). It knows no
spaCy ``Doc``, no store and no server; it imports only ``records``. The stages receive what it loads.
"""
