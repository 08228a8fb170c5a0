"""A text exercise's corpus: labelled replies in exercises/<id>/corpus.jsonl, one JSON object a
line, that measure its rules beyond the examples the build insists on.

    {"reply": "…", "meets_goal": false, "harms": ["defending"], "note": "why, in a few words"}

`harms` names the harmful moves the reply makes, by the id of the [[avoid]] rule that should
name each one as a concern. Other keys (such as "missing" and "note") are for the people who
label; they are read and kept, never judged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import AuthoringError, AuthoringFailed
from .load import relative
from .model import Exercise

CORPUS_FILE = "corpus.jsonl"


@dataclass(frozen=True)
class Labelled:
    """One reply and how a couples therapist judged it."""

    reply: str
    meets_goal: bool
    harms: tuple[str, ...]
    line: int


def corpus_path(exercise: Exercise) -> Path:
    return exercise.folder / CORPUS_FILE


def read_corpus(exercise: Exercise, root: Path) -> list[Labelled]:
    """The exercise's labelled replies (none if it has no corpus file); every bad line is named."""
    path = corpus_path(exercise)
    if not path.is_file():
        return []
    shown = relative(path, root)
    found, errors = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            errors.append(AuthoringError(shown, f"this line is not JSON ({exc.msg}). Write one object a "
                                         'line: {"reply": "…", "meets_goal": true, "harms": []}.', number))
            continue
        problem = _problem(row)
        if problem:
            errors.append(AuthoringError(shown, problem, number))
            continue
        found.append(Labelled(row["reply"], row["meets_goal"], tuple(row.get("harms", ())), number))
    if errors:
        raise AuthoringFailed(errors)
    return found


def _problem(row: object) -> str | None:
    if not isinstance(row, dict):
        return 'each line must be an object: {"reply": "…", "meets_goal": true, "harms": []}.'
    if not isinstance(row.get("reply"), str) or not row["reply"].strip():
        return "'reply' must be the learner's words, in quotes."
    if not isinstance(row.get("meets_goal"), bool):
        return "'meets_goal' must be true or false."
    harms = row.get("harms", [])
    if not isinstance(harms, list) or not all(isinstance(h, str) for h in harms):
        return "'harms' must be a list of [[avoid]] rule ids, such as [\"defending\"]."
    if row["meets_goal"] and harms:
        return ("a reply that meets the goal makes no harmful move: empty its 'harms', or set "
                "meets_goal = false.")
    return None
