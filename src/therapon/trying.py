"""`python -m therapon try <exercise-id> "<reply>"`: an exercise's feedback on any reply, as a
learner would see it, for authors writing rules and for anyone checking a checker.

With --json, replies come one per line on stdin, each a JSON string, and each verdict goes out
as one line of JSON in the shape the browser renders: {"meets_goal", "items", "summary"}. That
shape is a stable contract (AUTHORING.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .kinds import text
from .kinds.rules import rules_of
from .model import Exercise
from .verify import Verifier, is_timeout, text_job

SHAPE = ("meets_goal", "items", "summary")
MARKS = {"concern": "!", "tip": "→", "good": "✓"}
LABELS = {"concern": "Watch out", "tip": "Tip", "good": "Good"}


def verdicts(exercise: Exercise, replies: list[str], verifier: Verifier) -> list[dict[str, Any]]:
    """The verdict on each reply, from a child Python with the build's time limit."""
    rules, checker = rules_of(exercise), text.checker_source(exercise)
    found = verifier.run_batch([text_job(rules, checker, reply) for reply in replies])
    while len(found) < len(replies):  # a reply ran out of time: say so, then go on with the rest
        found[-1] = stopped(found[-1]) if is_timeout(found[-1]) else found[-1]
        found += verifier.run_batch([text_job(rules, checker, r) for r in replies[len(found):]])
    return [stopped(v) if is_timeout(v) else v for v in found]


def stopped(verdict: dict[str, Any]) -> dict[str, Any]:
    return {"meets_goal": False, "items": [], "summary": f"The check was stopped: {verdict['timeout']}. "
            "This is a problem in the exercise, not in your answer."}


def contract(verdict: dict[str, Any]) -> dict[str, Any]:
    """Exactly the verdict's public shape, nothing the build keeps for itself."""
    return {key: verdict[key] for key in SHAPE}


def as_learner_sees_it(verdict: dict[str, Any]) -> str:
    concerned = any(i["level"] == "concern" for i in verdict["items"])
    lines = [verdict["summary"]]
    for item in verdict["items"]:
        label = "" if item["level"] == "good" and concerned else f"{LABELS[item['level']]}: "
        lines.append(f"  {MARKS[item['level']]} {label}{item['message']}  [{item['id']}]")
    return "\n".join(lines)


def json_lines(lines: Iterable[str]) -> Iterator[str]:
    """Each non-empty line of stdin, read as a JSON string (a reply)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            reply = json.loads(line)
        except ValueError as exc:
            raise SystemExit(f"stdin line {number}: not JSON ({exc.msg}). Write each reply as a JSON "
                             'string on its own line, e.g. "That sounds lonely."') from None
        if not isinstance(reply, str):
            raise SystemExit(f"stdin line {number}: a reply must be a JSON string, "
                             f"got {type(reply).__name__}.")
        yield reply
