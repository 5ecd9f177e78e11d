"""`postcheck serve`: a local web page, and a JSON API, that check job descriptions as `check`
does (app.py; docs/web.md). FastAPI and its server load only when this package is imported."""

from __future__ import annotations

from postcheck.web.app import WebLimits, create_app
from postcheck.web.server import serve

__all__ = ["WebLimits", "create_app", "serve"]
