"""Run an exercise's checks against learner code and return structured, plain-language feedback.

Checks are the functions named check_* in an exercise's checks.py, run in the order they are
written. Each takes a Learner. A check passes by returning; it fails by raising
AssertionError with a message written for the learner.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable
from typing import Any

from .explaining import describe_exception, exception_text, shorten
from .isolation import LEARNER_FILENAME, learner_running
from .learner import Learner
from .sandbox import run_code
from .verdict import item
from .words import say, say_count

CHECKS_FILENAME = "<checks>"
Check = Callable[[Learner], object]


def collect_checks(checks_source: str) -> list[tuple[str, Check]]:
    """The check_* functions of a checks file, in the order they are defined."""
    namespace: dict[str, Any] = {"__name__": "therapon_exercise_checks"}
    exec(compile(checks_source, CHECKS_FILENAME, "exec"), namespace)
    return [
        (name, value)
        for name, value in namespace.items()
        if name.startswith("check_") and callable(value)
    ]


def describe_check(name: str, func: Check) -> str:
    """What a check looks for, from its docstring's first line, else from its name."""
    doc = (func.__doc__ or "").strip()
    if doc:
        return doc.splitlines()[0].strip()
    return name.removeprefix("check_").replace("_", " ").capitalize() + "."


def run_one_check(name: str, func: Check, learner: Learner) -> dict[str, Any]:
    description = describe_check(name, func)
    result: dict[str, Any] = {
        "name": name,
        "description": description,
        "passed": False,
        "message": "",
        "broken": False,
        "stopped": False,  # the learner's code raised while the check was using it
    }
    try:
        with learner_running():
            func(learner)
    except AssertionError as exc:
        result["message"] = _assertion_text(exc) or description
    except BaseException as exc:  # the learner's function crashed, or the check is broken
        frames = traceback.extract_tb(exc.__traceback__)
        if any(frame.filename == LEARNER_FILENAME for frame in frames):
            result["stopped"] = True
            result["message"] = describe_exception(exc, learner.source)["message"]
        else:
            result["broken"] = True
            result["message"] = f"{say('checkBroken', error=exception_text(exc))} {say('problemInExercise')}"
    else:
        result["passed"] = True
    return result


def _assertion_text(exc: AssertionError) -> str:
    """A failed check's message, kept short (it may show a huge value the learner returned)."""
    try:
        return shorten(str(exc))
    except Exception:
        return ""


def summarise(passed: int, total: int, error: dict[str, Any] | None) -> str:
    if error is not None:
        return say("codeStopped", message=error["message"])
    if total == 0:
        return say("noChecks")
    if passed == total:
        return say_count("passes", total)
    if total == 1:
        return say("failsOne")
    return say("someFail", passed=passed, total=total)


def check(source: str, checks_source: str) -> dict[str, Any]:
    """Run learner code, then every check, and say in plain words what passed and what did not."""
    outcome = run_code(source)
    results: list[dict[str, Any]] = []
    if outcome.error is None:
        learner = Learner(source, outcome)
        try:
            checks = collect_checks(checks_source)
        except Exception as exc:
            results = [{
                "name": "checks",
                "description": say("checksDescription"),
                "passed": False,
                "broken": True,
                "stopped": False,
                "message": say("checksNotLoaded", error=exception_text(exc)),
            }]
        else:
            results = [run_one_check(name, func, learner) for name, func in checks]
    passed = sum(1 for r in results if r["passed"])
    all_passed = outcome.error is None and bool(results) and passed == len(results)
    return {
        **outcome.as_dict(),
        "passed": all_passed,
        "checks": results,
        # The verdict every kind shares (verdict.py): one renderer shows text and code alike.
        "meets_goal": all_passed,
        "items": [check_item(result) for result in results],
        "summary": summarise(passed, len(results), outcome.error),
    }


def check_item(result: dict[str, Any]) -> dict[str, str]:
    """One check as a verdict item: what passes is good, what fails is a tip to act on, and a
    check that could not run is a concern (the exercise's, not the learner's)."""
    if result["passed"]:
        return item("good", result["name"], result["description"])
    if result["broken"]:
        return item("concern", result["name"], result["message"])
    if result["stopped"]:
        return item("tip", result["name"], f"{say('checkStopped')} {result['message']}")
    return item("tip", result["name"], result["message"] or result["description"])


def check_json(source: str, checks_source: str) -> str:
    """check() for JavaScript callers."""
    return json.dumps(check(source, checks_source))
