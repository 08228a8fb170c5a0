"""The short lead learner code runs on: what it may import and call, and what it must give back.

In the browser, learner code shares one Python with the checking code. While it runs, it cannot
import the modules that reach the browser (js, pyodide, …); exit() and os._exit() stop only the
learner's program; reading input explains itself; and whatever it changes in the shared
interpreter (the names in builtins, json, traceback and this package, the recursion limit,
tracing, the standard streams) is put back afterwards, so the next run and the checks start
clean. Printed output is collected up to a limit. This keeps honest mistakes harmless; it is not
a wall against code written to escape, which is why the worker also removes storage and the
network from its JavaScript side once Python is up.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import operator
import os
import sys
from collections.abc import Iterator
from typing import Any

from .words import number, say

LEARNER_FILENAME = "<your code>"
OUTPUT_LIMIT = 20_000
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


class LimitedBuffer(io.StringIO):
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
    own = f"{__package__}."
    names = [*SHARED_MODULES, *(n for n in list(sys.modules) if n.startswith(own) or n == __package__)]
    return [module for module in map(sys.modules.get, names) if module is not None]


# Taken now, before any learner code runs: `builtins.any = …` must not stop the restoring.
_ANY, _MAP, _IS_NOT = any, map, operator.is_not


def _restore(namespace: dict[str, Any], saved: dict[str, Any]) -> None:
    """Put a module's names back as they were, comparing by identity (a learner's value may
    have an __eq__ that misbehaves). The comparison runs in C (map, operator.is_not): a Python
    loop over every name of two dozen modules took a third of a text Check."""
    if namespace.keys() != saved.keys() or _ANY(_MAP(_IS_NOT, _MAP(namespace.__getitem__, saved),
                                                     saved.values())):
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


def fresh_namespace() -> dict[str, Any]:
    """A clean module namespace: the builtins as they were before any learner code ran, an
    input() that explains itself instead of hanging, and no imports that reach the browser."""
    learner_builtins = dict(_PRISTINE_BUILTINS)
    learner_builtins["input"] = _no_input
    learner_builtins["exit"] = learner_builtins["quit"] = _exit
    learner_builtins["__import__"] = _guarded_import
    return {"__name__": "__main__", "__builtins__": learner_builtins}
