"""The `reflection` kind: a private journal prompt. Never graded; the entry stays on the device.

It counts as done when the learner presses Mark as done, after at least `min_words` words when
the author sets a minimum; a partner practice done as a couple, when its turn is saved. With
`min_words = 0` no word count is shown at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalog import Catalog
from ..contract import ACTION, ATTR
from ..errors import AuthoringError
from ..markup import escape
from ..model import Exercise
from ..options import Field, non_empty_string, non_negative_int
from ..verdicts import Verdicts
from ..verify import Job
from . import parts

NAME = "reflection"
FILES: dict[str, str] = {}
FIELDS = {
    "min_words": Field(0, non_negative_int),
    "label": Field("", non_empty_string),  # none: the catalog's "Your reflection"
}


def jobs(exercise: Exercise) -> list[Job]:
    return []  # nothing for Python to run at build time


def verify(exercise: Exercise, shown: dict[str, Path], verdicts: Verdicts) -> list[AuthoringError]:
    return []


def page_data(exercise: Exercise) -> dict[str, Any]:
    return {"minWords": exercise.fields["min_words"]}


def render_body(exercise: Exercise, uid: str, words: Catalog) -> str:
    # Partner practice is the couple's: one record, seen from every profile on the device.
    note = escape(words("page.reflection.shared" if exercise.partner_practice else "page.reflection.privacy"))
    label = exercise.fields["label"] or words("page.reflection.label")
    return (
        f"{parts.prompt(exercise)}"
        f'<label class="therapon-label" for="{uid}-entry">{escape(label)}</label>'
        f'<p class="therapon-help" data-search-exclude id="{uid}-entry-help">{note}</p>'
        f'<textarea id="{uid}-entry" class="therapon-text" {ATTR.entry} rows="6" '
        f'aria-describedby="{uid}-entry-help {uid}-entry-rule"></textarea>'
        f'<p class="therapon-help" {ATTR.word_count}{"" if exercise.fields["min_words"] else " hidden"}></p>'
        f'<p class="therapon-help" {ATTR.done_rule} data-search-exclude id="{uid}-entry-rule"></p>'
        '<div class="therapon-actions" data-search-exclude>'
        f'{parts.button(ACTION.done, words("page.reflection.done"), primary=True)}'
        f'{parts.button(ACTION.copy, words("page.reflection.copy"))}'
        f'{parts.button(ACTION.download, words("page.reflection.download"))}</div>'
        f"{parts.feedback()}"
    )
