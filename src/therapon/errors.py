"""Authoring errors: sentences that say where the problem is and how to mend it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AuthoringError:
    """One problem in a course author's files, located by path and, where known, line."""

    path: Path | str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class AuthoringFailed(Exception):
    """Raised with every authoring error found, so the author can fix them all in one go."""

    def __init__(self, errors: list[AuthoringError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def line_of(text: str, needle: str, start_line: int = 1) -> int | None:
    """First line (1-based) at or after start_line that contains needle, for pointing at a spot."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number >= start_line and needle in line:
            return number
    return None
