"""Serve the built site under a sub-path, the way GitHub Pages serves a project site."""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Callable
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

    def send_head(self):  # type: ignore[no-untyped-def]
        """A file the test has tampered with is served changed, as a broken proxy would."""
        tampered = getattr(self.server, "tampered", {})
        inside = self.path.split("?", 1)[0].removeprefix(SUBPATH)
        if inside not in tampered:
            return super().send_head()
        self.translate_path(self.path)  # recorded as asked for, like any other file
        file = Path(super().translate_path("/" + inside))
        body = tampered[inside]((file / "index.html" if file.is_dir() else file).read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(file.name if file.is_file() else "index.html"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

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
        self.httpd.tampered = {}  # type: ignore[attr-defined]  # site path -> bytes -> bytes
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{SUBPATH}"

    @property
    def requested(self) -> list[str]:
        return self.httpd.requested  # type: ignore[attr-defined]

    def tamper(self, path: str, change: Callable[[bytes], bytes] | None) -> None:
        """Serve `path` changed by `change`; None undoes it. `path` is as a page asks for it,
        inside the site: "assets/therapon/main.js", "lessons/x/" for a page, "" for the home page."""
        tampered = self.httpd.tampered  # type: ignore[attr-defined]
        if change is None:
            tampered.pop(path, None)
        else:
            tampered[path] = change

    def go_offline(self, offline: bool = True) -> None:
        self.httpd.refusing = offline  # type: ignore[attr-defined]

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
