"""The course's own settings, read from `extra.therapon` in mkdocs.yml and validated as a table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import AuthoringError, AuthoringFailed
from .options import REQUIRED, Field, Invalid, exercise_id

SETTINGS_KEY = "therapon"


def timeout_seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 <= value <= 120:
        raise Invalid(f"must be a number of seconds from 1 to 120, got {value!r}.")
    return float(value)


def course_id(value: Any) -> str:
    """Like an exercise id, but the example is written as mkdocs.yml writes it."""
    try:
        return exercise_id(value)
    except Invalid:
        raise Invalid(
            f"must use only lower-case letters, digits and single hyphens, got {value!r}. "
            "Write it as, for example, course_id: therapeutic-partnership. Learners' saved "
            "progress is kept under it, so never change it once published.") from None


FIELDS = {
    "course_id": Field(REQUIRED, course_id),
    "timeout_seconds": Field(5, timeout_seconds),
}


@dataclass(frozen=True)
class Settings:
    course_id: str
    timeout_seconds: float


def read_settings(extra: dict[str, Any], config_path: str) -> Settings:
    raw = extra.get(SETTINGS_KEY)
    where = f"{config_path} (extra.{SETTINGS_KEY})"
    if not isinstance(raw, dict):
        raise AuthoringFailed([AuthoringError(where, "is missing. Add `extra: therapon: "
                                              "course_id: your-course` to mkdocs.yml.")])
    errors: list[AuthoringError] = []
    values: dict[str, Any] = {}
    for key in raw:
        if key not in FIELDS:
            errors.append(AuthoringError(where, f"unknown setting '{key}'. Known settings: "
                                         f"{', '.join(FIELDS)}."))
    for key, spec in FIELDS.items():
        if key not in raw:
            if spec.default is REQUIRED:
                errors.append(AuthoringError(where, f"'{key}' is required. Add a line "
                                             f"`{key}: …` under `{SETTINGS_KEY}:`."))
            else:
                values[key] = spec.validate(spec.default)
            continue
        try:
            values[key] = spec.validate(raw[key])
        except Invalid as exc:
            errors.append(AuthoringError(where, f"'{key}' {exc}"))
    if errors:
        raise AuthoringFailed(errors)
    return Settings(**values)
