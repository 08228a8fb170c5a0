"""The `choice` kind: single or multiple choice, each option with its own explanation.

Options are keyed by their own stable id, never by position, so shuffling them or editing the
page never scrambles a learner's saved answer. Marking needs no Python in the browser.

A wrong answer first shows only the notes on the options the learner chose, so they can try
again; the right answer is marked from the Check the author names in `show_answer_after`.
The marks are neutral ("Correct", "Not this one"): an option can be the right answer to a
question about what hurts, and must never be praised."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalog import Catalog
from ..contract import ACTION, ATTR
from ..errors import AuthoringError
from ..locate import key_line, table_line
from ..markup import escape, inline_markdown, markdown_to_html
from ..model import Exercise
from ..options import REQUIRED, Field, Invalid, boolean, exercise_id, non_empty_string, string, table_list
from ..verdicts import Verdicts
from ..verify import Job
from . import parts

NAME = "choice"
FILES: dict[str, str] = {}
OPTION_FIELDS = {
    "id": Field(REQUIRED, exercise_id),
    "text": Field(REQUIRED, non_empty_string),
    "correct": Field(False, boolean),
    "explanation": Field("", string),
}
MAX_TRIES_BEFORE_ANSWER = 10


def check_number(value: Any) -> int:
    """Which Check first marks the right answer, when the learner's is wrong."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_TRIES_BEFORE_ANSWER:
        raise Invalid(f"must be a whole number from 1 to {MAX_TRIES_BEFORE_ANSWER}: the Check that "
                      f"first marks the right answer after a wrong one, got {value!r}. Write "
                      "{key} = 2 to let the learner try once more first, or {key} = 1 to mark it at once.")
    return value


FIELDS = {
    "multiple": Field(False, boolean),
    "shuffle": Field(False, boolean),
    "show_answer_after": Field(2, check_number),
    "options": Field(REQUIRED, table_list(OPTION_FIELDS, minimum=2)),
}


def option_line(exercise: Exercise, index: int) -> int | None:
    return table_line(exercise.metadata_path.read_text(encoding="utf-8"), "options", index)


def jobs(exercise: Exercise) -> list[Job]:
    return []  # nothing for Python to run at build time


def verify(exercise: Exercise, shown: dict[str, Path], verdicts: Verdicts) -> list[AuthoringError]:
    """Option ids are unique, and the right number of options is marked correct."""
    where = shown["metadata"]
    options = exercise.fields["options"]
    errors = []
    seen: dict[str, int] = {}
    for index, option in enumerate(options, start=1):
        if option["id"] in seen:
            errors.append(AuthoringError(where, f"options {seen[option['id']]} and {index} share the id "
                                         f"'{option['id']}'. Give each option its own id.",
                                         option_line(exercise, index)))
        seen.setdefault(option["id"], index)
    correct = sum(1 for option in options if option["correct"])
    if correct == 0:
        errors.append(AuthoringError(where, "no option is marked correct = true. Mark the right "
                                     "answer (or answers, with multiple = true)."))
    elif correct > 1 and not exercise.fields["multiple"]:
        errors.append(AuthoringError(where, f"{correct} options are marked correct, but only one "
                                     "can be chosen. Set multiple = true, or mark one option."))
    wrong = len(options) - correct
    after = exercise.fields["show_answer_after"]
    never_marked = not exercise.fields["multiple"] and correct == 1 and after > wrong
    # The default adapts; a written value must fit (the file is read again only to find its line).
    written = never_marked and key_line(exercise.metadata_path.read_text(encoding="utf-8"),
                                        "show_answer_after")
    if written:
        errors.append(AuthoringError(where, f"show_answer_after = {after}, but with {len(options)} "
                                     f"options a learner can choose wrong only {wrong} "
                                     f"{'time' if wrong == 1 else 'times'}, so the answer would never be "
                                     f"marked. Use a number from 1 to {wrong}.", written))
    return errors


def answer_after(exercise: Exercise) -> int:
    """The Check that first marks the right answer: with one answer among n options, the
    learner can be wrong n - 1 times at most, so the default of 2 comes down to fit."""
    options = exercise.fields["options"]
    after = exercise.fields["show_answer_after"]
    if exercise.fields["multiple"]:
        return after
    return max(1, min(after, len(options) - 1))


def page_data(exercise: Exercise) -> dict[str, Any]:
    return {
        "multiple": exercise.fields["multiple"],
        "shuffle": exercise.fields["shuffle"],
        "correct": [o["id"] for o in exercise.fields["options"] if o["correct"]],
        "showAnswerAfter": answer_after(exercise),
        **parts.reveal_data(exercise),
    }


def render_option(uid: str, option: dict[str, Any], input_type: str) -> str:
    input_id = f"{uid}-option-{option['id']}"
    explanation = markdown_to_html(option["explanation"]) if option["explanation"] else ""
    return (
        f'<div class="therapon-option" {ATTR.option}="{escape(option["id"])}">'
        f'<input type="{input_type}" id="{input_id}" name="{uid}-choice" value="{escape(option["id"])}">'
        f'<label for="{input_id}">{inline_markdown(option["text"])}</label>'
        f'<div class="therapon-explanation" {ATTR.explanation} hidden>{explanation}</div></div>'
    )


def render_body(exercise: Exercise, uid: str, words: Catalog) -> str:
    multiple = exercise.fields["multiple"]
    input_type = "checkbox" if multiple else "radio"
    instruction = escape(words("page.choice.chooseAll") if multiple else words("page.choice.chooseOne"))
    options = "".join(render_option(uid, o, input_type) for o in exercise.fields["options"])
    return (
        f"{parts.prompt(exercise)}"
        f'<fieldset class="therapon-choice"><legend>{instruction}</legend>{options}</fieldset>'
        '<div class="therapon-actions" data-search-exclude>'
        f'{parts.button(ACTION.check, words("page.check"), primary=True)}{parts.hint_button(exercise, words)}'
        f'{parts.button(ACTION.reset, words("page.reset"))}</div>'
        f'{parts.reset_confirmation(words("page.choice.resetQuestion"), words)}'
        f"{parts.feedback()}{parts.hints(exercise, words)}"
    )
