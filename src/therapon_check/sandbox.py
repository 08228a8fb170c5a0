"""Run learner code once, in a fresh namespace on a short lead (isolation.py), and say what
happened in plain words (explaining.py)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from .explaining import describe_exception, describe_syntax_error
from .isolation import LEARNER_FILENAME, LimitedBuffer, fresh_namespace, learner_running

__all__ = ["LEARNER_FILENAME", "Outcome", "run_code", "run_json"]


@dataclass
class Outcome:
    """What running learner code produced: output, the namespace, and an error if any."""

    namespace: dict[str, Any] = field(default_factory=dict)
    stdout: str = ""
    stderr: str = ""
    error: dict[str, Any] | None = None
    output_cut: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"stdout": self.stdout, "stderr": self.stderr, "error": self.error,
                "output_cut": self.output_cut}


def run_code(source: str) -> Outcome:
    """Execute learner code once, in a fresh namespace, capturing stdout and stderr."""
    namespace = fresh_namespace()
    try:
        code = compile(source, LEARNER_FILENAME, "exec")
    except (SyntaxError, ValueError) as exc:  # ValueError: null bytes, in older Pythons
        return Outcome(namespace, error=describe_syntax_error(exc))
    stdout, stderr = LimitedBuffer(), LimitedBuffer()
    error = None
    try:
        with learner_running(), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            exec(code, namespace)
    except BaseException as exc:  # anything the learner raises, even BaseException subclasses
        error = describe_exception(exc, source)
    return Outcome(namespace, stdout.text(), stderr.text(), error,
                   output_cut=stdout.truncated or stderr.truncated)


def run_json(source: str) -> str:
    """run_code for JavaScript callers: JSON in the simplest shape the page can render."""
    import json

    return json.dumps(run_code(source).as_dict())
