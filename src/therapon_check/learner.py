"""The learner's program as a check sees it: its output and the names it defined."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .sandbox import Outcome
from .words import say


class Learner:
    """A read-only view of one run of the learner's code, handed to every check."""

    def __init__(self, source: str, outcome: Outcome) -> None:
        self.source = source
        self.stdout = outcome.stdout
        self.stderr = outcome.stderr
        self.namespace = outcome.namespace

    def has(self, name: str) -> bool:
        """True when the learner's code defined this name."""
        return name in self.namespace

    def variable(self, name: str) -> Any:
        """The value of a variable, or a failed check that says which name is missing."""
        if name not in self.namespace:
            raise AssertionError(say("createVariable", name=name))
        return self.namespace[name]

    def function(self, name: str) -> Callable[..., Any]:
        """A function the learner defined, or a failed check that says how to define it."""
        value = self.namespace.get(name)
        if value is None:
            raise AssertionError(say("defineFunction", name=name))
        if not callable(value):
            raise AssertionError(say("notFunction", name=name, type=type(value).__name__))
        return value

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Call one of the learner's functions; its errors are reported with its own line numbers."""
        return self.function(name)(*args, **kwargs)
