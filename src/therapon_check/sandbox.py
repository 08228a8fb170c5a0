"""Run learner code in a fresh namespace and describe what happened in plain words.

Tracebacks keep only the learner's own frames, so line numbers match what they typed.

In the browser, learner code shares one Python with the checking code, so while it runs it is
kept on a short lead: it cannot import the modules that reach the browser (js, pyodide, …),
exit() and os._exit() stop only the learner's program, reading input explains itself, and
whatever it changes in the shared interpreter (the names in builtins, json, traceback and this
package, the recursion limit, tracing, the standard streams) is put back afterwards, so the
next run and the checks start clean. This keeps honest mistakes harmless; it is not a wall
against code written to escape, which is why the worker also removes storage and the network
from its JavaScript side once Python is up.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import os
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .words import number, say

LEARNER_FILENAME = "<your code>"
OUTPUT_LIMIT = 20_000
MESSAGE_LIMIT = 1_000
# Top-level modules that reach the web page, the browser or the network from Pyodide.
BROWSER_MODULES = frozenset({
    "js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "micropip", "pyodide_http",
    "pyodide_kernel", "pyscript", "_emscripten",
})
# The builtins as they were before any learner code ran; each learner namespace gets a copy.
_PRISTINE_BUILTINS = dict(vars(builtins))
_real_import = builtins.__import__


class InputNotAvailable(RuntimeError):
    """Raised by input(): exercises have no keyboard prompt to read from."""

    __module__ = "builtins"  # so the learner's traceback names it without our package path


def _no_input(prompt: object = "") -> str:
    raise InputNotAvailable(say("input"))


class BrowserNotAvailable(ImportError):
    """Raised when learner code imports a module that would reach the page or the browser."""

    __module__ = "builtins"


def _guarded_import(name: str, globals: Any = None, locals: Any = None,
                    fromlist: Any = (), level: int = 0) -> Any:
    """The learner's import statement: everything in Python, nothing that reaches the browser."""
    top = name.partition(".")[0] if isinstance(name, str) else ""
    if level == 0 and top in BROWSER_MODULES:
        raise BrowserNotAvailable(say("browserImport", module=top), name=top)
    return _real_import(name, globals, locals, fromlist, level)


class _NoInput(io.TextIOBase):
    """sys.stdin while learner code runs: reading from it explains itself, like input()."""

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        _no_input()
        return ""

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        _no_input()
        return ""


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
            value += say("outputCut", count=number(self.limit))
        return value

    def writable(self) -> bool:
        return True


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


def _exit(code: object = None) -> None:
    """exit() and quit() for learners: stop like sys.exit(), without closing the host's
    sys.stdin as the interactive shell's exit() does."""
    raise SystemExit(code)


def _os_exit(code: object = 0) -> None:
    """os._exit() for learners: in the browser the real one ends the whole Python."""
    raise SystemExit(code)


# Modules whose names the checking code relies on after learner code has run: a learner's
# `json.dumps = …` or `del builtins.len` is undone, so it can't break the next run or check.
SHARED_MODULES = ("builtins", "json", "json.encoder", "json.decoder", "traceback", "linecache",
                  "io", "contextlib", "os", "posixpath", "re")


def _shared_modules() -> list[Any]:
    names = [*SHARED_MODULES, *(n for n in list(sys.modules) if n.partition(".")[0] == __package__)]
    return [module for module in map(sys.modules.get, names) if module is not None]


def _restore(namespace: dict[str, Any], saved: dict[str, Any]) -> None:
    """Put a module's names back as they were, comparing by identity (a learner's value may
    have an __eq__ that misbehaves)."""
    if namespace.keys() != saved.keys() or any(namespace[k] is not v for k, v in saved.items()):
        namespace.clear()
        namespace.update(saved)


@contextlib.contextmanager
def learner_running() -> Iterator[None]:
    """While learner (or author) code runs: os._exit() stops only that code and sys.stdin
    explains that there is no input. Afterwards, put back what it changed in the interpreter
    everyone shares: the names in the modules the checking code uses, the recursion limit,
    tracing and the standard streams."""
    saved_modules = [(vars(module), dict(vars(module))) for module in _shared_modules()]
    saved_limit = sys.getrecursionlimit()
    saved_trace, saved_profile = sys.gettrace(), sys.getprofile()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_exits = [(module, module._exit) for module in _exit_modules()]
    for module, _ in saved_exits:
        module._exit = _os_exit
    sys.stdin = _NoInput()
    try:
        yield
    finally:
        for module, original in saved_exits:
            module._exit = original
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        sys.settrace(saved_trace)
        sys.setprofile(saved_profile)
        sys.setrecursionlimit(saved_limit)
        for namespace, saved in saved_modules:
            _restore(namespace, saved)


def _exit_modules() -> list[Any]:
    """os, and posix or nt where it exists: each has its own reference to _exit."""
    found = [os]
    for name in ("posix", "nt"):
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "_exit"):
            found.append(module)
    return found


# Errors whose Python wording puzzles beginners get a sentence in plain words (words.py: plain.*).
PLAIN_WORDS = ("RecursionError", "MemoryError", "OverflowError")
REPEAT_LIMIT = 3


def fresh_namespace() -> dict[str, Any]:
    """A clean module namespace: the builtins as they were before any learner code ran, an
    input() that explains itself instead of hanging, and no imports that reach the browser."""
    learner_builtins = dict(_PRISTINE_BUILTINS)
    learner_builtins["input"] = _no_input
    learner_builtins["exit"] = learner_builtins["quit"] = _exit
    learner_builtins["__import__"] = _guarded_import
    return {"__name__": "__main__", "__builtins__": learner_builtins}


def shorten(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """A message no longer than limit characters, so one huge value can't flood the page."""
    return text if len(text) <= limit else text[:limit] + " …"


def exception_text(exc: BaseException) -> str:
    """ "Name: message", or just the name when the message is empty or can't be shown (a
    learner's exception may have a __str__ that fails)."""
    name = type(exc).__name__
    try:
        text = str(exc)
    except Exception:
        text = ""
    return shorten(f"{name}: {text}") if text else name


def describe_syntax_error(exc: BaseException) -> dict[str, Any]:
    """Why Python could not read the learner's code at all, by line when it knows the line."""
    line = getattr(exc, "lineno", None)
    reason = shorten(str(getattr(exc, "msg", "") or exc)).rstrip(".")
    if "U+00A0" in reason:
        reason = say("nonBreakingSpace")
    elif "null bytes" in reason or "non-printable character" in reason:
        reason = say("invisibleCharacter")
    where = say("whereLine", line=line) if isinstance(line, int) else say("whereCode")
    return {
        "type": "SyntaxError",
        "line": line if isinstance(line, int) else None,
        "message": say("cannotRead", where=where, reason=reason),
        "traceback": "".join(traceback.format_exception_only(exc)),
    }


def describe_exception(exc: BaseException, source: str) -> dict[str, Any]:
    """Turn an exception into a plain-language error that points at the learner's lines."""
    try:
        return _describe(exc, source)
    except Exception:  # a learner's exception so strange that even describing it fails
        return {"type": type(exc).__name__, "line": None, "traceback": "",
                "message": say("stoppedWithError", name=type(exc).__name__)}


def _describe(exc: BaseException, source: str) -> dict[str, Any]:
    if isinstance(exc, SyntaxError) and exc.filename == LEARNER_FILENAME:
        return describe_syntax_error(exc)
    if isinstance(exc, SystemExit):
        return {
            "type": "SystemExit",
            "line": _last_learner_line(exc),
            "message": say("exitCalled"),
            "traceback": "",
        }
    if isinstance(exc, KeyboardInterrupt):
        return {
            "type": "KeyboardInterrupt",
            "line": _last_learner_line(exc),
            "message": say("interrupted"),
            "traceback": "",
        }
    line = _last_learner_line(exc)
    name = type(exc).__name__
    if isinstance(exc, InputNotAvailable | BrowserNotAvailable):
        message = str(exc)
    elif line is None:
        message = exception_text(exc)
    else:
        message = say("onLine", line=line, error=exception_text(exc))
    if name in PLAIN_WORDS:
        message = message.rstrip(".") + f". {say('plain.' + name)}"
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
    out = [say("tracebackTitle")]
    previous, repeats = None, 0
    for frame in _learner_frames(exc):
        if (frame.lineno, frame.name) == previous:
            repeats += 1
            if repeats >= REPEAT_LIMIT:
                continue
        else:
            _note_repeats(out, repeats)
            previous, repeats = (frame.lineno, frame.name), 0
        out.append(say("tracebackLine", line=frame.lineno) if frame.name == "<module>"
                   else say("tracebackLineIn", line=frame.lineno, function=frame.name))
        if frame.lineno and 0 < frame.lineno <= len(lines):
            out.append(f"    {lines[frame.lineno - 1].strip()}")
    _note_repeats(out, repeats)
    out.extend(line.rstrip("\n") for line in traceback.format_exception_only(exc))
    return "\n".join(out)


def _note_repeats(out: list[str], repeats: int) -> None:
    """Say how often a frame repeated, as Python does, instead of a thousand copies."""
    if repeats >= REPEAT_LIMIT:
        out.append(say("tracebackRepeated", count=repeats - REPEAT_LIMIT + 1))


def run_code(source: str) -> Outcome:
    """Execute learner code once, in a fresh namespace, capturing stdout and stderr."""
    namespace = fresh_namespace()
    try:
        code = compile(source, LEARNER_FILENAME, "exec")
    except (SyntaxError, ValueError) as exc:  # ValueError: null bytes, in older Pythons
        return Outcome(namespace, error=describe_syntax_error(exc))
    stdout, stderr = _LimitedBuffer(), _LimitedBuffer()
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
