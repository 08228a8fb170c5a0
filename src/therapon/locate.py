"""Find the line of a TOML key or block, so an error can point where the author must look."""

from __future__ import annotations

import re


def key_line(text: str, key: str) -> int | None:
    """Line of `key = …` in TOML text, so a message can point at the value to fix."""
    pattern = re.compile(rf"\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def table_line(text: str, key: str, item: int) -> int | None:
    """Line of the item-th `[[key]]` block, for errors inside a list of tables."""
    pattern = re.compile(rf"\s*\[\[\s*{re.escape(key)}\s*\]\]")
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if pattern.match(line)]
    return lines[item - 1] if 0 < item <= len(lines) else None
