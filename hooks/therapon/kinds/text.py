"""The `text` kind: written practice, such as rephrasing a complaint, with feedback from an
author's Python checker that runs in the learner's browser.

Each exercise carries example responses with the verdict they must get; the build runs the
checker on every one, so an author knows the feedback is right before it ships."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import AuthoringError, line_of
from ..locate import key_line, table_line
from ..markup import escape
from ..model import Exercise
from ..options import REQUIRED, Field, boolean, list_of_strings, non_empty_string, string, table_list
from ..verdicts import Verdicts
from ..verify import Job, is_timeout, text_job
from . import parts

NAME = "text"
FILES = {"checker": "checker.py"}
NEEDS_PYTHON = True
EXAMPLE_FIELDS = {
    "response": Field(REQUIRED, non_empty_string),
    "meets_goal": Field(REQUIRED, boolean),
    "triggers": Field((), list_of_strings),
}
FIELDS = {
    "label": Field("Your answer", non_empty_string),
    "sample_answer": Field("", string),
    "examples": Field(REQUIRED, table_list(EXAMPLE_FIELDS, minimum=2)),
}


def quoted(text: str, limit: int = 48) -> str:
    short = " ".join(text.split())
    return repr(short if len(short) <= limit else short[: limit - 1] + "…")


def example_errors(name: str, line: int | None, example: dict[str, Any], verdict: dict[str, Any],
                   shown: dict[str, Path], checker: str) -> list[AuthoringError]:
    """What is wrong with one example's verdict; `name` says which example, for the author."""
    if "timeout" in verdict:
        return [AuthoringError(shown["checker"], f"the checker did not finish on {name} "
                               f"({verdict['timeout']}). Look for an endless loop, or a call to exit().")]
    if verdict["broken"]:
        # A crash has its own line; a wrong return value is found from `def check(` down.
        return [AuthoringError(shown["checker"], f"on {name}: "
                               f"{verdict['summary'].split(' This is a problem')[0]} Fix the checker.",
                               verdict["line"] or line_of(checker, "def check("))]
    errors = []
    gave = ", ".join(repr(o["id"]) for o in verdict["observations"]) or "no observations"
    if verdict["meets_goal"] != example["meets_goal"]:
        expected = "meet the goal" if example["meets_goal"] else "not meet the goal"
        errors.append(AuthoringError(shown["metadata"], f"{name} should {expected}, but the checker "
                                     f"says otherwise (it gave {gave}). Fix the checker or the example.",
                                     line))
    missing = [t for t in example["triggers"] if t not in {o["id"] for o in verdict["observations"]}]
    if missing:
        errors.append(AuthoringError(shown["metadata"], f"{name} should trigger "
                                     f"{', '.join(map(repr, missing))}, but the checker gave {gave}. "
                                     "Fix the checker or the example.", line))
    return errors


def cases(exercise: Exercise) -> list[tuple[str, int | None, dict[str, Any]]]:
    """Each example, and the sample answer, as (name for the author, line, example)."""
    text = exercise.metadata_path.read_text(encoding="utf-8")
    found = [(f"example {n} ({quoted(e['response'])})", table_line(text, "examples", n), e)
             for n, e in enumerate(exercise.fields["examples"], start=1)]
    sample = exercise.fields["sample_answer"]
    if sample.strip():
        found.append((f"the sample_answer ({quoted(sample)})", key_line(text, "sample_answer"),
                      {"response": sample, "meets_goal": True, "triggers": ()}))
    return found


def jobs(exercise: Exercise) -> list[Job]:
    """The checker on every example and the sample answer, in the order verify() judges them."""
    checker = exercise.file("checker").text
    return [text_job(checker, example["response"]) for _, _, example in cases(exercise)]


def verify(exercise: Exercise, shown: dict[str, Path], verdicts: Verdicts) -> list[AuthoringError]:
    """Every example gets the verdict it declares; there is at least one of each verdict."""
    if {e["meets_goal"] for e in exercise.fields["examples"]} != {True, False}:
        return [AuthoringError(shown["metadata"], "add at least one example with meets_goal = true "
                               "and one with meets_goal = false, so both verdicts are tested.")]
    checker = exercise.file("checker").text
    errors = []
    for (name, line, example), job in zip(cases(exercise), jobs(exercise), strict=True):
        verdict = verdicts.get(job)
        errors.extend(example_errors(name, line, example, verdict, shown, checker))
        if is_timeout(verdict) or verdict["broken"]:
            break  # a broken checker fails every example alike: one message is enough
    return errors


def page_data(exercise: Exercise) -> dict[str, Any]:
    return {"checker": exercise.file("checker").text, **parts.reveal_data(exercise)}


def render_body(exercise: Exercise, uid: str) -> str:
    sample = exercise.fields["sample_answer"].strip()
    show_sample = bool(sample) and exercise.shows_solution
    solution = parts.solution("One possible answer:", f"<blockquote><p>{escape(sample)}</p></blockquote>") \
        if show_sample else ""
    return (
        f"{parts.prompt(exercise)}"
        f'<label class="therapon-label" for="{uid}-response">{escape(exercise.fields["label"])}</label>'
        f'<p class="therapon-help" data-search-exclude id="{uid}-response-help">Checked here, in your '
        "browser. Your words stay on this device.</p>"
        f'<textarea id="{uid}-response" class="therapon-text" data-response rows="4" '
        f'aria-describedby="{uid}-response-help"></textarea>'
        '<div class="therapon-actions" data-search-exclude>'
        f'{parts.button("check", "Check", primary=True)}{parts.hint_button(exercise)}'
        f'{parts.button("solution", "Show solution", hidden=True) if show_sample else ""}'
        f'{parts.button("reset", "Reset")}</div>'
        f'{parts.reset_confirmation("Clear your answer and start again?")}'
        f"{parts.loading()}{parts.feedback()}{parts.hints(exercise)}{solution}"
    )
