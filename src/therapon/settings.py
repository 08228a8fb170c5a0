"""The course's own settings, read from `extra.therapon` in mkdocs.yml and validated as a table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .errors import AuthoringError, AuthoringFailed
from .options import REQUIRED, Field, Invalid, Problem, apply_fields, boolean, exercise_id, unknown_key

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


MAX_SHORT_NAME = 20


def short_name(value: Any) -> str:
    """What a phone's header shows instead of the whole site name, which is cut to a few letters."""
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > MAX_SHORT_NAME:
        raise Invalid(f"must be a short name of 1 to {MAX_SHORT_NAME} characters for a phone's header, "
                      f"got {value!r}. Write it as, for example, short_name: Therapon.")
    return value.strip()


def docs_page(value: Any) -> str:
    """A page of docs/, written as nav writes it (safety.md), or empty for none."""
    if not isinstance(value, str) or (value and not value.endswith(".md")) or value.startswith("/"):
        raise Invalid(f"must name a page in docs/ as nav does, for example safety.md, got {value!r}. "
                      "Leave it out for no safety notice.")
    return value.strip()


def url_prefix(value: Any) -> str:
    if not isinstance(value, str) or value.startswith("/"):
        raise Invalid(f"must be the start of pages' addresses, for example lessons/, got {value!r}.")
    return value


FIELDS = {
    "course_id": Field(REQUIRED, course_id),
    "timeout_seconds": Field(5.0, timeout_seconds),
    "short_name": Field("", short_name),
    # The notice "education, not therapy" on every page whose address starts with safety_notice_on,
    # linked to safety_page; no safety_page, no notice.
    "safety_page": Field("", docs_page),
    "safety_notice_on": Field("lessons/", url_prefix),
    # Two partners taking turns: partner practice, the couple's turns, the first-visit question.
    "partners": Field(False, boolean),
}


@dataclass(frozen=True)
class Settings:
    course_id: str
    timeout_seconds: float
    short_name: str = ""
    safety_page: str = ""
    safety_notice_on: str = "lessons/"
    partners: bool = False

    def header_name(self, site_name: str) -> str:
        """The short name, or the site name up to its first colon ("Therapon: partners…")."""
        return self.short_name or site_name.split(":")[0].strip()[:MAX_SHORT_NAME] or site_name


def settings_message(problem: Problem) -> str:
    if problem.kind == "unknown":
        return unknown_key(problem.key, FIELDS, "setting")
    if problem.kind == "missing":
        return f"'{problem.key}' is required. Add a line `{problem.key}: …` under `{SETTINGS_KEY}:`."
    return f"'{problem.key}' {problem.reason}"


def setting_line(config_text: str, key: str | None) -> int | None:
    """Line of `key:` inside the `therapon:` table of mkdocs.yml (or of the table itself, or of
    `extra:`), so the message points at what to edit. A plain scan: YAML keeps no lines."""
    lines = config_text.splitlines()
    table = next((n for n, line in enumerate(lines) if re.fullmatch(r"\s+therapon:\s*(#.*)?", line)), None)
    if table is None:
        extra = next((n for n, line in enumerate(lines) if re.match(r"extra:", line)), None)
        return None if extra is None else extra + 1
    indent = len(lines[table]) - len(lines[table].lstrip())
    for number in range(table + 1, len(lines)):
        line = lines[number]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        if key and re.match(rf"\s+{re.escape(key)}\s*:", line):
            return number + 1
    return table + 1


def read_settings(extra: dict[str, Any], config_path: str, config_text: str = "") -> Settings:
    """The validated settings; config_text (mkdocs.yml as written) lets errors name a line."""
    raw = extra.get(SETTINGS_KEY)
    if not isinstance(raw, dict):
        raise AuthoringFailed([AuthoringError(
            config_path, f"extra.{SETTINGS_KEY} is missing. Add `extra: therapon: course_id: "
            "your-course` to mkdocs.yml.", setting_line(config_text, None))])
    values, problems = apply_fields(raw, FIELDS)
    errors = [AuthoringError(config_path, f"in extra.{SETTINGS_KEY}, {settings_message(p)}",
                             setting_line(config_text, p.key if p.kind != "missing" else None))
              for p in problems]
    if errors:
        raise AuthoringFailed(errors)
    return Settings(**values)
