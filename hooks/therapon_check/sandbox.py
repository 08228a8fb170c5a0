"""Run learner code in a fresh namespace and describe what happened in plain words.

Tracebacks keep only the learner's own frames, so line numbers match what they typed.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import traceback
from dataclasses import dataclass, field
from typing import Any

LEARNER_FILENAME = "<your code>"
OUTPUT_LIMIT = 20_000


class InputNotAvailable(RuntimeError):
    """Raised by input(): exercises have no keyboard prompt to read from."""

    __module__ = "builtins"  # so the learner's traceback names it without our package path


def _no_input(prompt: object = "") -> str:
    raise InputNotAvailable(
        "input() can't be used in these exercises, because there is no one to type an answer. "
        "Put the value straight into a variable instead, for example: name = \"Sam\"."
    )


class _LimitedBuffer(io.StringIO):
    """Collects printed text but stops growing past a limit, so huge output can't freeze the page."""

    def __init__(self, limit: int = OUTPUT_LIMIT) -> None:
        super().__init__()
        self.limit = limit
        self.truncated = False

    def write(self, text: str) -> int:
        room = self.limit - self.tell()
        if room <= 0:
            self.truncated = True
            return len(text)
        if len(text) > room:
            self.truncated = True
            super().write(text[:room])
            return len(text)
        return super().write(text)

    def text(self) -> str:
        value = self.getvalue()
        if self.truncated:
            value += f"\n… output cut off after {self.limit:,} characters."
        return value


@dataclass
class Outcome:
    """What running learner code produced: output, the namespace, and an error if any."""

    namespace: dict[str, Any] = field(default_factory=dict)
    stdout: str = ""
    stderr: str = ""
    error: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"stdout": self.stdout, "stderr": self.stderr, "error": self.error}


def _exit(code: object = None) -> None:
    """exit() and quit() for learners: stop like sys.exit(), without closing the host's
    sys.stdin as the interactive shell's exit() does."""
    raise SystemExit(code)


# A sentence in plain words for errors whose Python wording puzzles beginners.
PLAIN_WORDS = {
    "RecursionError": "A function keeps calling itself and never stops. Check that it has a "
                      "case where it returns without calling itself again.",
    "MemoryError": "Your code tried to use more memory than the browser can give it.",
    "OverflowError": "A number in your code is too big to work with here, for example a "
                     "string repeated billions of times.",
}
REPEAT_LIMIT = 3


def fresh_namespace() -> dict[str, Any]:
    """A clean module namespace whose input() explains itself instead of hanging."""
    learner_builtins = dict(vars(builtins))
    learner_builtins["input"] = _no_input
    learner_builtins["exit"] = learner_builtins["quit"] = _exit
    return {"__name__": "__main__", "__builtins__": learner_builtins}


def describe_exception(exc: BaseException, source: str) -> dict[str, Any]:
    """Turn an exception into a plain-language error that points at the learner's lines."""
    if isinstance(exc, SyntaxError) and exc.filename == LEARNER_FILENAME:
        return {
            "type": "SyntaxError",
            "line": exc.lineno,
            "message": f"Python could not read line {exc.lineno}: {exc.msg}.",
            "traceback": "".join(traceback.format_exception_only(exc)),
        }
    if isinstance(exc, SystemExit):
        return {
            "type": "SystemExit",
            "line": _last_learner_line(exc),
            "message": "Your code called exit() or sys.exit(), which stops the program early. "
            "Remove that call so the checks can run.",
            "traceback": "",
        }
    if isinstance(exc, KeyboardInterrupt):
        return {
            "type": "KeyboardInterrupt",
            "line": _last_learner_line(exc),
            "message": "Your code was stopped before it finished.",
            "traceback": "",
        }
    line = _last_learner_line(exc)
    name = type(exc).__name__
    if isinstance(exc, InputNotAvailable):
        message = str(exc)
    elif line is None:
        message = f"{name}: {exc}"
    else:
        message = f"Line {line}: {name}: {exc}"
    if name in PLAIN_WORDS:
        message = message.rstrip(".") + f". {PLAIN_WORDS[name]}"
    return {
        "type": name,
        "line": line,
        "message": message,
        "traceback": _learner_traceback(exc, source),
    }


def _learner_frames(exc: BaseException) -> list[traceback.FrameSummary]:
    return [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == LEARNER_FILENAME]


def _last_learner_line(exc: BaseException) -> int | None:
    frames = _learner_frames(exc)
    return frames[-1].lineno if frames else None


def _learner_traceback(exc: BaseException, source: str) -> str:
    lines = source.splitlines()
    out = ["Traceback (your code only):"]
    previous, repeats = None, 0
    for frame in _learner_frames(exc):
        if (frame.lineno, frame.name) == previous:
            repeats += 1
            if repeats >= REPEAT_LIMIT:
                continue
        else:
            _note_repeats(out, repeats)
            previous, repeats = (frame.lineno, frame.name), 0
        where = "" if frame.name == "<module>" else f", in {frame.name}"
        out.append(f"  Line {frame.lineno}{where}")
        if frame.lineno and 0 < frame.lineno <= len(lines):
            out.append(f"    {lines[frame.lineno - 1].strip()}")
    _note_repeats(out, repeats)
    out.extend(line.rstrip("\n") for line in traceback.format_exception_only(exc))
    return "\n".join(out)


def _note_repeats(out: list[str], repeats: int) -> None:
    """Say how often a frame repeated, as Python does, instead of a thousand copies."""
    if repeats >= REPEAT_LIMIT:
        out.append(f"  [the line above repeated {repeats - REPEAT_LIMIT + 1} more times]")


def run_code(source: str) -> Outcome:
    """Execute learner code once, in a fresh namespace, capturing stdout and stderr."""
    namespace = fresh_namespace()
    stdout, stderr = _LimitedBuffer(), _LimitedBuffer()
    error = None
    try:
        code = compile(source, LEARNER_FILENAME, "exec")
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            exec(code, namespace)
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        error = describe_exception(exc, source)
    return Outcome(namespace, stdout.text(), stderr.text(), error)


def run_json(source: str) -> str:
    """run_code for JavaScript callers: JSON in the simplest shape the page can render."""
    import json

    return json.dumps(run_code(source).as_dict())
