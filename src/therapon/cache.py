"""Results kept on disk between builds (in build/cache/), keyed by a hash of every input.

A rebuild then skips verifying exercises, re-locking Pyodide and re-hashing the runtime when
nothing they depend on changed. Only the entries a build used are written back, so the files
never grow, and an unreadable file is simply started afresh: the cache is never the truth.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

CACHE_DIR = Path("build/cache")


def key_of(*parts: str) -> str:
    """One key for all the inputs of a result (and the Python that computed it)."""
    return hashlib.sha256("\0".join((sys.version, *parts)).encode()).hexdigest()


class DiskCache:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.used: dict[str, Any] = {}
        self.stored: dict[str, Any] = {}
        if path and path.is_file():
            try:
                loaded = json.loads(path.read_text())
                self.stored = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self.stored = {}

    def get(self, key: str) -> Any | None:
        value = self.used.get(key, self.stored.get(key))
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> Any:
        self.used[key] = value
        return value

    def save(self) -> None:
        """Write back what this build used, atomically; a cache that cannot be written is skipped."""
        if not self.path or self.used == self.stored:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(self.used, sort_keys=True))
            os.replace(partial, self.path)
        except OSError:
            pass
