"""The Content-Security-Policy as a browser reads it, written apart from src/therapon/csp.py
on purpose, so that tests never check the policy's code with itself."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


class InlineScripts(HTMLParser):
    """The bodies of the scripts a browser runs inline: no src, a JavaScript type or none.
    Written apart from csp.py on purpose, so the test does not check the code with itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        runs = found.get("type") in (None, "text/javascript", "module")
        if tag == "script" and "src" not in found and runs:
            self._open = []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.bodies.append("".join(self._open))
            self._open = None


def inline_scripts(html: str) -> list[str]:
    scripts = InlineScripts()
    scripts.feed(html)
    return scripts.bodies


def script_sources(policy: str) -> set[str]:
    """The sources a policy's script-src allows."""
    return set(policy.split("script-src ", 1)[1].split(";", 1)[0].split())


def csp_source(body: str) -> str:
    """How CSP Level 3 names an inline script: base64 of the SHA-256 of its UTF-8 text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
