"""Judge a learner's written reply: the exercise's rules (rules.py), and, where an author needs
logic no rule can say, a checker of their own.

A checker is Python defining check(response) that returns Feedback.result(...) (or the same
shape as a plain dict). Its shape is verified here, so a checker that returns something else is
reported as a problem in the exercise, never shown to the learner as if it were feedback.
Every answer has the one verdict shape (verdict.py), plus `broken` and `line` for the build.
"""

from __future__ import annotations

import json
import traceback
from typing import Any

from .explaining import exception_text
from .isolation import fresh_namespace, learner_running
from .rules import judge
from .verdict import ID_PATTERN, LEVELS, item, verdict
from .words import say

CHECKER_FILENAME = "<checker>"
OBSERVATION_ID = ID_PATTERN


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
    for index, found in enumerate(result["observations"], start=1):
        if not isinstance(found, dict) or set(found) != {"id", "level", "message"}:
            return f"observation {index} must have exactly 'id', 'level' and 'message'."
        if found["level"] not in LEVELS:
            return f"observation {index} has level {found['level']!r}; use one of {', '.join(LEVELS)}."
        if not isinstance(found["id"], str) or not OBSERVATION_ID.fullmatch(found["id"]):
            return f"observation {index} needs an id of lower-case words joined by hyphens."
        if not isinstance(found["message"], str) or not found["message"].strip():
            return f"observation {index} needs a message."
    return None


def _broken(message: str, line: int | None = None) -> dict[str, Any]:
    return {"meets_goal": False, "items": [], "broken": True, "line": line,
            "summary": f"{message} {say('problemInExercise')}"}


def run_checker(checker_source: str, response: str) -> dict[str, Any]:
    """An author's checker on one reply: {"meets_goal", "observations"}, or a broken verdict."""
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
    return _broken(problem) if problem else result


def check_written(rules: dict[str, Any], checker_source: str, response: str) -> dict[str, Any]:
    """The verdict on one reply: the rules', joined by the checker's when there is one."""
    judged = judge(rules, response) if rules.get("look_for") or rules.get("avoid") else None
    if not checker_source:
        assert judged is not None, "a text exercise has rules, a checker, or both"
        return {**judged, "broken": False, "line": None}
    own = run_checker(checker_source, response)
    if own.get("broken"):
        return own
    items = [item(o["level"], o["id"], o["message"]) for o in own["observations"]]
    if judged is None:
        return {**verdict(own["meets_goal"], items), "broken": False, "line": None}
    both = verdict(judged["meets_goal"] and own["meets_goal"], judged["items"] + items)
    if both["meets_goal"] == judged["meets_goal"] and not items:
        both["summary"] = judged["summary"]  # the rules said which parts it has
    return {**both, "broken": False, "line": None}


def check_text(checker_source: str, response: str) -> dict[str, Any]:
    """A checker's verdict alone (an exercise with no rules)."""
    return check_written({}, checker_source, response)


def check_written_json(rules_json: str, checker_source: str, response: str) -> str:
    """check_written() for JavaScript callers."""
    return json.dumps(check_written(json.loads(rules_json), checker_source, response))
