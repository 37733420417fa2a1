"""The dashboard and the API docs page: their own files, and the npm libraries they use, served from
``web/node_modules`` (d3, topojson-client, world-atlas; Swagger UI for ``/docs``): nothing from a CDN."""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import FileResponse

from eventwire.serve.errors import ApiError
from eventwire.serve.routes.common import settings_of

# The only files served from node_modules: name in the page -> path below node_modules.
VENDOR = {
    "d3.min.js": "d3/dist/d3.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}
APP_FILES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".svg": "image/svg+xml"}
NO_CACHE = {"Cache-Control": "no-cache"}


def make_router() -> APIRouter:
    router = APIRouter(tags=["dashboard"], include_in_schema=False)

    @router.get("/")
    def index(request: Request) -> FileResponse:
        return FileResponse(settings_of(request).web_dir / "app" / "index.html", headers=NO_CACHE)

    @router.get("/docs")
    def docs(request: Request) -> FileResponse:
        """Swagger UI over ``/openapi.json``, its files served by us (``web/app/docs.html``, ``docs.js``)."""
        return FileResponse(settings_of(request).web_dir / "app" / "docs.html", headers=NO_CACHE)

    @router.get("/app/{name}")
    def app_file(request: Request, name: Annotated[str, Path(pattern=r"^[a-z][a-z0-9\-]*\.(js|css|html|svg)$")]) -> (
            FileResponse):
        path = settings_of(request).web_dir / "app" / name
        if not path.is_file():
            raise ApiError(404, f"no dashboard file {name}")
        return FileResponse(path, media_type=APP_FILES[path.suffix], headers=NO_CACHE)

    @router.get("/vendor/{name}")
    def vendor(request: Request, name: str) -> FileResponse:
        if name not in VENDOR:
            raise ApiError(404, f"no library file {name!r}")
        path = settings_of(request).web_dir / "node_modules" / VENDOR[name]
        if not path.is_file():
            raise ApiError(503, f"{name} is not installed: run `make web` (npm ci in src/eventwire/serve/web)")
        return FileResponse(path)

    return router


def assets_missing(web_dir: FilePath) -> list[str]:
    """The npm files the dashboard needs that are not installed."""
    return [name for name, rel in VENDOR.items() if not (web_dir / "node_modules" / rel).is_file()]
