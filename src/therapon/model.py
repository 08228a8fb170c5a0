"""The exercise model: plain frozen data, shared by the loader, the checks and the renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .contract import STATUSES

__all__ = ["METADATA_FILE", "REVEAL_POLICIES", "STATUSES", "Exercise", "PythonFile"]
REVEAL_POLICIES = ("always", "after-attempts", "after-passing", "never")
METADATA_FILE = "exercise.toml"


@dataclass(frozen=True)
class PythonFile:
    """One of an exercise's Python files, kept with its path for error messages."""

    path: Path
    text: str


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str
    title: str
    folder: Path
    metadata_path: Path
    prompt: str = ""
    hints: tuple[str, ...] = ()
    reveal: str = "after-attempts"
    reveal_after_attempts: int = 2
    # Done together: the page records who listened ("therapist") and who spoke ("client").
    partner_practice: bool = False
    files: dict[str, PythonFile] = field(default_factory=dict)
    # The kind's own validated fields, e.g. a choice's options or a text exercise's examples.
    fields: dict[str, Any] = field(default_factory=dict)

    def file(self, role: str) -> PythonFile:
        return self.files[role]

    @property
    def shows_solution(self) -> bool:
        return self.reveal != "never"
