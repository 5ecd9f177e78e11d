"""Running the web app: uvicorn, bound to the loopback address unless told otherwise."""

from __future__ import annotations

from postcheck.config import Config


def serve(config: Config, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the page until interrupted. The app is made first, so a broken rule, authority
    or column-map file raises ValueError (naming it) before anything listens."""
    import uvicorn

    from postcheck.web.app import create_app

    app = create_app(config, host=host)
    uvicorn.run(app, host=host, port=port, server_header=False, log_level="info")
