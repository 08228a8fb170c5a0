"""The `code` kind: the learner writes Python; hidden checks say what works and what does not."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..catalog import Catalog
from ..contract import ACTION, ATTR
from ..errors import AuthoringError, line_of
from ..markup import escape
from ..model import Exercise
from ..verdicts import Verdicts
from ..verify import Job, code_job
from . import parts

NAME = "code"
FILES = {"starter": "starter.py", "solution": "solution.py", "checks": "checks.py"}
FIELDS: dict = {}
# A crash in the learner's (here: the solution's) code is reported as "Line 2: TypeError: …".
CRASH_LINE = re.compile(r"^Line (\d+):")


def jobs(exercise: Exercise) -> list[Job]:
    """What verify() asks the child to run, in order: the solution, then the starter."""
    checks = exercise.file("checks").text
    return [code_job(exercise.file(role).text, checks) for role in ("solution", "starter")]


def verify(exercise: Exercise, shown: dict[str, Path], verdicts: Verdicts) -> list[AuthoringError]:
    """The reference solution must pass every check, and the starter must not."""
    solution_job, starter_job = jobs(exercise)
    errors = solution_errors(verdicts.get(solution_job), shown, exercise.file("checks").text)
    if errors:
        return errors
    verdict = verdicts.get(starter_job)
    if verdict.get("passed"):
        return [AuthoringError(shown["starter"], "the starter code already passes every check, so "
                               "there is nothing to practise. Leave part of the task undone in "
                               "the starter, or add a check that it misses.")]
    return []


def crash_line(message: str) -> int | None:
    found = CRASH_LINE.match(message)
    return int(found.group(1)) if found else None


def solution_errors(verdict: dict[str, Any], shown: dict[str, Path], checks: str) -> list[AuthoringError]:
    """Errors located where the author must look: a broken check at its `def`, a solution
    that crashes inside a check at its own line."""
    if "timeout" in verdict:
        return [AuthoringError(shown["solution"], f"the reference solution never finished "
                               f"({verdict['timeout']}). Look for an endless loop.")]
    if verdict["error"] is not None:
        error = verdict["error"]
        return [AuthoringError(shown["solution"], "the reference solution stops with an error: "
                               f"{error['message'].rstrip('.')}. Fix the solution.", error["line"])]
    if not verdict["checks"]:
        return [AuthoringError(shown["checks"], "this file defines no checks. Add functions "
                               "named check_something(learner) that assert what must be true.")]
    errors = []
    for result in verdict["checks"]:
        if result["broken"]:
            errors.append(AuthoringError(shown["checks"], f"{result['name']} is broken: "
                                         f"{result['message'].split(' This is a problem')[0]} "
                                         "Fix the check.", line_of(checks, f"def {result['name']}(")))
        elif not result["passed"]:
            errors.append(AuthoringError(shown["solution"], "the reference solution fails the "
                                         f"check {result['name']} ({result['message']}). "
                                         "Fix the solution or the check.", crash_line(result["message"])))
    return errors


def page_data(exercise: Exercise) -> dict[str, Any]:
    """What the browser needs to run and check this exercise (never the solution)."""
    return {"starter": exercise.file("starter").text, "checks": exercise.file("checks").text,
            **parts.reveal_data(exercise)}


def render_body(exercise: Exercise, uid: str, words: Catalog) -> str:
    starter = exercise.file("starter").text
    rows = min(max(starter.count("\n") + 2, 6), 24)
    solution = ""
    if exercise.shows_solution:
        code = f'<pre><code class="language-python">{escape(exercise.file("solution").text)}</code></pre>'
        solution = parts.solution(words("page.code.solution"), code)
    return (
        f"{parts.prompt(exercise)}"
        f'<label class="therapon-label" id="{uid}-code-label" for="{uid}-code">'
        f'{escape(words("page.code.label"))}</label>'
        f'<p class="therapon-help" data-search-exclude id="{uid}-code-help">'
        f'{escape(words("page.code.help"))}</p>'
        f'<textarea id="{uid}-code" class="therapon-code" {ATTR.code} data-search-exclude rows="{rows}" '
        f'aria-describedby="{uid}-code-help" '
        f'spellcheck="false" autocapitalize="off" autocomplete="off">{escape(starter)}</textarea>'
        '<div class="therapon-actions" data-search-exclude>'
        f'{parts.button(ACTION.run, words("page.run"))}'
        f'{parts.button(ACTION.check, words("page.check"), primary=True)}'
        f"{parts.hint_button(exercise, words)}"
        f'{parts.button(ACTION.solution, words("exercise.showSolution"), hidden=True) if solution else ""}'
        f'{parts.button(ACTION.reset, words("page.reset"))}</div>'
        f"{parts.reset_confirmation(words('page.code.resetQuestion'), words)}"
        f"{parts.loading(words)}{parts.feedback()}"
        f'<pre class="therapon-output" {ATTR.output} hidden></pre>'
        f"{parts.hints(exercise, words)}{solution}"
    )
