"""Serve the built site under a sub-path, the way GitHub Pages serves a project site."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SUBPATH = "/therapon/"


class SubpathHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript",
                      ".wasm": "application/wasm", ".json": "application/json"}

    def handle(self) -> None:
        """A server that is "down" drops every connection, as a lost network does."""
        if getattr(self.server, "refusing", False):
            return
        super().handle()

    def translate_path(self, path: str) -> str:
        getattr(self.server, "requested", []).append(path)
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(SUBPATH):])

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


class SiteServer:
    def __init__(self, site_dir: Path) -> None:
        self.directory = site_dir
        handler = functools.partial(SubpathHandler, directory=str(site_dir))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        # Every path asked for, and a switch that takes the server off the network (tests).
        self.httpd.requested = []  # type: ignore[attr-defined]
        self.httpd.refusing = False  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{SUBPATH}"

    @property
    def requested(self) -> list[str]:
        return self.httpd.requested  # type: ignore[attr-defined]

    def go_offline(self, offline: bool = True) -> None:
        self.httpd.refusing = offline  # type: ignore[attr-defined]

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
