"""Run a course author's checker on a learner's written response.

A checker is a file defining check(response) that returns Feedback.result(...) (or the same
shape as a plain dict). The shape is verified here, so a checker that returns something else is
reported as a problem in the exercise, never shown to the learner as if it were feedback.
"""

from __future__ import annotations

import json
import re
import traceback
from typing import Any

from .sandbox import exception_text, fresh_namespace, learner_running

CHECKER_FILENAME = "<checker>"
LEVELS = ("good", "tip", "concern")
OBSERVATION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def shape_problem(result: Any) -> str | None:
    """Why a checker's return value is not feedback, or None when it is."""
    if not isinstance(result, dict):
        return ("check(response) must return feedback.result(meets_goal=...); "
                f"it returned {type(result).__name__}.")
    if set(result) != {"meets_goal", "observations"}:
        missing = sorted({"meets_goal", "observations"} - set(result))
        extra = sorted(set(result) - {"meets_goal", "observations"})
        details = "; ".join(part for part in (
            f"missing {', '.join(map(repr, missing))}" if missing else "",
            f"unexpected {', '.join(map(repr, extra))}" if extra else "") if part)
        return ("check(response) must return feedback.result(meets_goal=...), a dict with exactly "
                f"'meets_goal' and 'observations' ({details}).")
    if not isinstance(result["meets_goal"], bool):
        return "'meets_goal' must be True or False."
    if not isinstance(result["observations"], list):
        return "'observations' must be a list."
    for index, item in enumerate(result["observations"], start=1):
        if not isinstance(item, dict) or set(item) != {"id", "level", "message"}:
            return f"observation {index} must have exactly 'id', 'level' and 'message'."
        if item["level"] not in LEVELS:
            return f"observation {index} has level {item['level']!r}; use one of {', '.join(LEVELS)}."
        if not isinstance(item["id"], str) or not OBSERVATION_ID.fullmatch(item["id"]):
            return f"observation {index} needs an id of lower-case words joined by hyphens."
        if not isinstance(item["message"], str) or not item["message"].strip():
            return f"observation {index} needs a message."
    return None


def _broken(message: str, line: int | None = None) -> dict[str, Any]:
    return {
        "meets_goal": False,
        "observations": [],
        "broken": True,
        "line": line,
        "summary": f"{message} This is a problem in the exercise, not in your answer.",
    }


def check_text(checker_source: str, response: str) -> dict[str, Any]:
    """The checker's verdict on one response, with a plain-language summary."""
    # The learner-safe builtins: exit() must not close the build's stdin, input() must not wait.
    namespace = fresh_namespace() | {"__name__": "therapon_text_checker"}
    try:
        with learner_running():
            exec(compile(checker_source, CHECKER_FILENAME, "exec"), namespace)
            checker = namespace.get("check")
            if not callable(checker):
                return _broken("The checker defines no check(response) function.")
            result = checker(response)
    except BaseException as exc:  # exit() in a checker must not end the whole Python
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == CHECKER_FILENAME]
        line = frames[-1].lineno if frames else None
        return _broken(f"The checker crashed ({exception_text(exc)}).", line)
    problem = shape_problem(result)
    if problem:
        return _broken(problem)
    summary = ("This meets the goal. Well done!" if result["meets_goal"]
               else "Not quite there yet. Read the notes below, then try again.")
    return {**result, "broken": False, "line": None, "summary": summary}


def check_text_json(checker_source: str, response: str) -> str:
    """check_text() for JavaScript callers."""
    return json.dumps(check_text(checker_source, response))
