"""A Content-Security-Policy for every page: the site's own files, and the inline scripts the
theme writes, allowed by their sha256 and nothing else.

If a learner's text or an imported file ever reached the page as markup, an injected script
would not run. The policy sits in a <meta> tag because GitHub Pages cannot send headers.
Instant navigation runs a new page's scripts under the first page's policy, so every page
lists the hashes found on all pages.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

# Inline scripts that run: no src, and no type other than JavaScript (JSON data never runs).
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"(?!text/javascript|module)[^\"]*\")[^>]*>(.*?)</script>",
    re.DOTALL)
CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
# data: images are the theme's icons, drawn by its stylesheet; they are not another host.
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")


# The Python worker's own policy. A worker follows the policy sent with its script, not the
# page's, and GitHub Pages sends none; the service worker adds this one when it serves the
# script (offline.py puts it in sw.js). Learner code that reached JavaScript could then
# still not load a script from, or send anything to, another host.
WORKER_POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
                 "worker-src 'none'; object-src 'none'")


def script_hashes(html: str) -> set[str]:
    return {script_hash(body) for body in INLINE_SCRIPT.findall(html)}


@lru_cache(maxsize=256)
def script_hash(body: str) -> str:
    """Every page holds the same few scripts (the theme's config is 27 kB): each is hashed once."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def meta(hashes: set[str]) -> str:
    policy = POLICY.format(hashes=" ".join(sorted(hashes)))
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


class ContentSecurityPolicy:
    """Adds the policy to each page as it is written, then completes the earlier pages."""

    def __init__(self) -> None:
        self.hashes: set[str] = set()
        self.pages: dict[str, frozenset[str]] = {}

    def add(self, html: str, dest_path: str) -> str:
        found = script_hashes(html)
        self.hashes |= found
        self.pages[dest_path] = frozenset(self.hashes)
        tag = meta(self.hashes)
        charset = CHARSET.search(html)
        # The matched text's first occurrence is the match. One replace copies the page as it
        # is, where slicing it and joining the halves converted both (a page with a character
        # past Latin-1, such as an exercise's "…", holds two bytes a character, its slices
        # need not): 90 µs a page, this 5 µs.
        after = charset.group(0) if charset else "<head>"
        if not charset:
            html.index(after)  # a page without <head> fails here, as it always did
        return html.replace(after, after + tag, 1)

    def finish(self, site_dir: Path) -> dict[str, str]:
        """Pages written before the last new hash was seen get the complete list; returns
        those pages as rewritten, by their path in the site."""
        complete = meta(self.hashes)
        rewritten: dict[str, str] = {}
        for dest_path, known in self.pages.items():
            if known != self.hashes:
                path = site_dir / dest_path
                html = path.read_text(encoding="utf-8").replace(meta(set(known)), complete, 1)
                path.write_text(html, encoding="utf-8")
                rewritten[dest_path] = html
        self.pages.clear()
        return rewritten
