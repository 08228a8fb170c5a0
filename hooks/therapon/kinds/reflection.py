"""The `reflection` kind: a private journal prompt. Never graded; the entry stays on the device.

It counts as done when the learner marks it so, or writes at least `min_words` words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import AuthoringError
from ..markup import escape
from ..model import Exercise
from ..options import Field, non_empty_string, non_negative_int
from ..verdicts import Verdicts
from ..verify import Job
from . import parts

NAME = "reflection"
FILES: dict[str, str] = {}
NEEDS_PYTHON = False
FIELDS = {
    "min_words": Field(0, non_negative_int),
    "label": Field("Your reflection", non_empty_string),
}
PRIVACY_NOTE = "Your words stay on this device. They are never graded or sent anywhere."


def jobs(exercise: Exercise) -> list[Job]:
    return []  # nothing for Python to run at build time


def verify(exercise: Exercise, shown: dict[str, Path], verdicts: Verdicts) -> list[AuthoringError]:
    return []


def page_data(exercise: Exercise) -> dict[str, Any]:
    return {"minWords": exercise.fields["min_words"]}


def render_body(exercise: Exercise, uid: str) -> str:
    return (
        f"{parts.prompt(exercise)}"
        f'<label class="therapon-label" for="{uid}-entry">{escape(exercise.fields["label"])}</label>'
        f'<p class="therapon-help" data-search-exclude id="{uid}-entry-help">{PRIVACY_NOTE}</p>'
        f'<textarea id="{uid}-entry" class="therapon-text" data-entry rows="6" '
        f'aria-describedby="{uid}-entry-help"></textarea>'
        '<p class="therapon-help" data-word-count></p>'
        '<div class="therapon-actions" data-search-exclude>'
        f'{parts.button("done", "Mark as done", primary=True)}'
        f'{parts.button("copy", "Copy")}{parts.button("download", "Download")}</div>'
        f"{parts.feedback()}"
    )
