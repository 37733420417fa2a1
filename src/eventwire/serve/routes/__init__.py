"""The API's routers, one module per resource; each module has a ``make_router()``."""
