"""Exercise metadata fields as a table: each with its default and a small composable validator.

A validator returns the cleaned value or raises Invalid with the end of a sentence that
starts with the field's name, e.g. "'hints' must be a list of strings, got a string."
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .contract import ID_PATTERN
from .model import REVEAL_POLICIES

Validator = Callable[[Any], Any]
REQUIRED = object()


class Invalid(ValueError):
    """A metadata value is wrong; the message says what was expected and how to write it.

    "{key}" in the message is replaced by the field's name; `item` is the 1-based entry of a
    list of tables that is wrong, so the error can point at its line."""

    def __init__(self, message: str, item: int | None = None) -> None:
        super().__init__(message)
        self.item = item


def type_name(value: Any) -> str:
    names = {str: "a string", int: "a number", float: "a number", bool: "true or false",
             list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def string(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(f"must be text in quotes, got {type_name(value)}.")
    return value


def non_empty_string(value: Any) -> str:
    if not string(value).strip():
        raise Invalid('must not be empty. Write it as, for example, title = "Who listened?".')
    return value.strip()


def exercise_id(value: Any) -> str:
    if not ID_PATTERN.fullmatch(string(value)):
        raise Invalid(
            f"must use only lower-case letters, digits and single hyphens, got {value!r}. "
            'Write it as, for example, id = "listener-tally". Ids never change once published.'
        )
    return value


def one_of(choices: tuple[str, ...]) -> Validator:
    def validate(value: Any) -> str:
        if string(value) not in choices:
            allowed = ", ".join(repr(c) for c in choices)
            raise Invalid(f"must be one of {allowed}, got {value!r}.")
        return value
    return validate


def list_of_strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Invalid(f'must be a list of strings, got {type_name(value)}. Write {{key}} = ["…"].')
    return tuple(value)


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"must be true or false (without quotes), got {value!r}.")
    return value


def non_negative_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Invalid(f"must be a whole number of 0 or more, got {value!r}.")
    return value


@dataclass(frozen=True)
class Field:
    default: Any
    validate: Validator


def exercise_fields(kinds: tuple[str, ...]) -> dict[str, Field]:
    """The metadata table for exercise.toml; `kinds` comes from the kind registry."""
    return {
        "id": Field(REQUIRED, exercise_id),
        "kind": Field(REQUIRED, one_of(kinds)),
        "title": Field(REQUIRED, non_empty_string),
        "prompt": Field("", string),
        "hints": Field((), list_of_strings),
        "reveal": Field("after-attempts", one_of(REVEAL_POLICIES)),
        "reveal_after_attempts": Field(2, non_negative_int),
        "partner_practice": Field(False, boolean),
    }


@dataclass(frozen=True)
class Problem:
    """One key that does not fit the table; the caller words it for its own file format."""

    key: str
    kind: str  # "unknown", "missing" or "invalid"
    reason: str = ""
    item: int | None = None


def apply_fields(raw: dict[str, Any], fields: dict[str, Field]) -> tuple[dict[str, Any],
                                                                         list[Problem]]:
    """Clean values by the table, with defaults filled in, and every problem found."""
    problems = [Problem(key, "unknown") for key in raw if key not in fields]
    values: dict[str, Any] = {}
    for key, spec in fields.items():
        if key not in raw:
            if spec.default is REQUIRED:
                problems.append(Problem(key, "missing"))
            else:
                values[key] = spec.default
            continue
        try:
            values[key] = spec.validate(raw[key])
        except Invalid as exc:
            problems.append(Problem(key, "invalid", str(exc).replace("{key}", key), exc.item))
    return values, problems


def table_list(fields: dict[str, Field], minimum: int = 0) -> Validator:
    """A list of TOML tables ([[name]] blocks), each checked against its own field table."""

    def validate(value: Any) -> tuple[dict[str, Any], ...]:
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise Invalid(f"must be written as [[{{key}}]] blocks, got {type_name(value)}.")
        if len(value) < minimum:
            raise Invalid(f"needs at least {minimum} [[{{key}}]] blocks, got {len(value)}.")
        cleaned = []
        for index, item in enumerate(value, start=1):
            values, problems = apply_fields(item, fields)
            if problems:
                raise Invalid(f"entry {index}: {describe(problems[0], fields)}", item=index)
            cleaned.append(values)
        return tuple(cleaned)

    validate.blocks = True  # type: ignore[attr-defined]  # lets errors say "Add [[key]] blocks"
    return validate


def did_you_mean(key: str, known: Iterable[str]) -> str:
    """"Did you mean 'hints'? " for a key a letter or two away from a known one (a typo, a
    plural, a capital), or nothing: the list of known keys follows either way."""
    known = list(known)
    lowered = {k.lower(): k for k in known}
    close = difflib.get_close_matches(str(key).lower(), list(lowered), n=1)
    return f"Did you mean '{lowered[close[0]]}'? " if close else ""


def unknown_key(key: str, known: Iterable[str], noun: str = "key") -> str:
    """The message for a key no table knows, with the nearest known key when there is one."""
    known = list(known)
    return f"unknown {noun} '{key}'. {did_you_mean(key, known)}Known {noun}s: {', '.join(known)}."


def describe(problem: Problem, fields: dict[str, Field]) -> str:
    if problem.kind == "unknown":
        return unknown_key(problem.key, fields)
    if problem.kind == "missing":
        return f"'{problem.key}' is required."
    return f"'{problem.key}' {problem.reason}"
