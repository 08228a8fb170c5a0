"""Under `mkdocs serve`, a failed rebuild is shown in the author's open page, not only in the
terminal they may not be looking at.

MkDocs's live-reload server (mkdocs/livereload/__init__.py) keeps the last good site when a
rebuild fails, never tells the browser, and holds every request until a build succeeds ("the
server will appear stuck"). `BuildReport` wraps the two things on_serve can reach, the server's
`builder` and its WSGI app: a failed rebuild is recorded (every warning and error MkDocs logged,
with the line and fix of a broken mkdocs.yml) and counts as finished, so MkDocs reloads the open
pages, and while it stands every page is answered with that report. The report page asks for
the build's state each second and reloads once a new build has finished.

The pages' Content-Security-Policy would block the script MkDocs adds to each page for live
reload (its text changes on every request, so the build cannot list it); the served page's
policy is given that script's hash, so a saved edit reloads the page by itself."""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .config_check import check_config

log = logging.getLogger("mkdocs.plugins.therapon")

STATE_PATH = "/.therapon-build-state"  # the report page asks here whether a new build finished
LIVERELOAD_SCRIPT = re.compile(rb"<script>(\s*var livereload = function.*?)</script>", re.DOTALL)
SCRIPT_SRC = re.compile(rb"(<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*?script-src )")
StartResponse = Callable[..., Any]

REPORT_SCRIPT = """
const generation = "{generation}";
setInterval(async () => {{
  try {{
    const response = await fetch("{state}", {{cache: "no-store"}});
    if ((await response.text()) !== generation) location.reload();
  }} catch {{ /* the server is restarting: ask again in a second */ }}
}}, 1000);
"""
REPORT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'self'; \
script-src '{script_hash}'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed</title>
<style>body{{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
pre{{white-space:pre-wrap;background:#fdecea;border-left:.3rem solid #b71c1c;padding:1rem}}</style>
</head><body data-therapon-build-error>
<h1>The last rebuild failed</h1>
<p>Nothing changed in the preview until this is fixed. Fix the file named below and save: this
page reloads by itself when the site builds again.</p>
<pre>{error}</pre>
<script>{script}</script>
</body></html>
"""


def sha256_source(script: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"


def allow_livereload(page: bytes) -> bytes:
    """The page with MkDocs's live-reload script allowed by its policy, by that script's hash."""
    script = LIVERELOAD_SCRIPT.search(page)
    if not script:
        return page
    allowed = sha256_source(script.group(1)).encode() + b" "
    return SCRIPT_SRC.sub(lambda m: m.group(1) + allowed, page, count=1)


def report_page(error: str, generation: int) -> bytes:
    script = REPORT_SCRIPT.format(generation=generation, state=STATE_PATH)
    return REPORT_PAGE.format(error=html.escape(error), script=script,
                              script_hash=sha256_source(script.encode())[1:-1]).encode()


def wants_page(path: str) -> bool:
    """A request for a page (what a browser shows), not for a script, a style or an image."""
    last = path.rsplit("/", 1)[-1]
    return path.endswith(("/", ".html")) or "." not in last


class Collected(logging.Handler):
    """Every warning and error MkDocs logs during one build, in order."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class BuildReport:
    """Installed once by on_serve: see the module's docstring."""

    def __init__(self, server: Any, config_file: Path) -> None:
        self.config_file = config_file
        self.error: str | None = None
        self.generation = 0
        self.lock = threading.Lock()
        self.build = server.builder
        self.app = server.get_app()
        server.builder = self.rebuild
        server.set_app(self.respond)

    def rebuild(self) -> None:
        collected = Collected()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collected)
        try:
            self.build()
        except Exception as exc:  # noqa: BLE001  (any failure is the author's to see, then to fix)
            self.failed(collected.messages, exc)
            # Returning, rather than raising, lets MkDocs count the build as finished: it reloads
            # the open pages, which now show the report, and stops holding every request.
            log.error("The rebuild failed; the pages open in your browser show why until it is fixed.")
        else:
            with self.lock:
                self.error = None
                self.generation += 1
        finally:
            logger.removeHandler(collected)

    def failed(self, messages: list[str], exc: Exception) -> None:
        lines = [m for m in messages if not m.startswith("The rebuild failed")]
        if str(exc) != "Aborted with a BuildError!":  # MkDocs's word for "see the error above"
            lines.append(str(exc))
        if config := check_config(self.config_file):
            lines.insert(0, str(config))  # MkDocs could not even read mkdocs.yml
        with self.lock:
            self.error = "\n".join(dict.fromkeys(lines)) or type(exc).__name__
            self.generation += 1

    def respond(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        with self.lock:
            error, generation = self.error, self.generation
        if path == STATE_PATH:
            start_response("200 OK", [("Content-Type", "text/plain"), ("Cache-Control", "no-store")])
            return [str(generation).encode()]
        if error is not None and wants_page(path):
            body = report_page(error, generation)
            # 200, not 500: MkDocs logs any other answer as a warning, and one that falls during
            # the next rebuild would fail that build under --strict.
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                ("Content-Length", str(len(body))),
                                                ("Cache-Control", "no-store")])
            return [body]
        return self.served(environ, start_response)

    def served(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """MkDocs's own answer; a page's is given its live-reload script's hash."""
        answer: dict[str, Any] = {}

        def keep(status: str, headers: list[tuple[str, str]],
                 exc_info: Any = None) -> Callable[[bytes], None]:
            answer.update(status=status, headers=headers)
            return lambda data: None

        result = self.app(environ, keep)
        headers = answer["headers"]
        if not any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers):
            start_response(answer["status"], headers)
            return result
        try:
            body = allow_livereload(b"".join(result))
        finally:
            getattr(result, "close", lambda: None)()
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(answer["status"], [*headers, ("Content-Length", str(len(body)))])
        return [body]
