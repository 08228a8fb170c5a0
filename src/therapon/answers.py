"""The ```answers fence: a page that gathers what learners wrote in several exercises, such
as "Our agreements", which collects a couple's partner practices to read again or print.

The fence's body is the list an author edits, one exercise id per line. Only exercises with
words to gather (reflections and written practice) may be listed. The page itself holds no
answer: the browser fills it from the learner's saved progress, on the device."""

from __future__ import annotations

import difflib

from .catalog import Catalog, load_catalog
from .contract import ATTR
from .markup import escape, script_json
from .model import Exercise

ANSWERS_FENCE = "answers"
KINDS_WITH_WORDS = ("reflection", "text")


def listed_ids(source: str) -> list[tuple[int, str]]:
    """(line within the fence body, 1-based, id) for every id listed; blank lines and
    `# comments` are skipped, so an author may annotate the list."""
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        text = line.split("#", 1)[0].strip().strip("-* ").strip("\"'")
        if text:
            found.append((number, text))
    return found


Problem = tuple[int | None, str]


def list_problems(listed: list[tuple[int, str]], exercises: dict[str, Exercise]) -> list[Problem]:
    """What is wrong with the list, as (line within the body, message) pairs."""
    if not listed:
        return [(None, "this answers fence lists no exercise. Write one exercise id per line, "
                       "e.g. l2-safety-agreement.")]
    problems: list[Problem] = []
    seen: set[str] = set()
    for line, exercise_id in listed:
        if exercise_id in seen:
            problems.append((line, f"'{exercise_id}' is listed twice. List each exercise once."))
        elif exercise_id not in exercises:
            close = difflib.get_close_matches(exercise_id, list(exercises), n=3)
            hint = f" Known ids close to it: {', '.join(repr(c) for c in close)}." if close \
                else " Check the id in the exercise's file."
            problems.append((line, f"the answers fence names '{exercise_id}', but no exercise has "
                                   f"that id.{hint}"))
        elif exercises[exercise_id].kind not in KINDS_WITH_WORDS:
            problems.append((line, f"'{exercise_id}' is a {exercises[exercise_id].kind} exercise, "
                                   "which has no words to gather. List reflection or text exercises."))
        seen.add(exercise_id)
    return problems


def render_answers(ids: list[str], exercises: dict[str, Exercise], words: Catalog | None = None) -> str:
    """A placeholder the browser fills in; the ids and titles travel as inert JSON."""
    data = {"exercises": [{"id": i, "title": exercises[i].title} for i in ids]}
    items = "".join(f"<li>{escape(exercises[i].title)}</li>" for i in ids)
    return (
        f'<div class="therapon-answers" {ATTR.answers} data-search-exclude>'
        f"<p>{escape((words or load_catalog('en'))('page.answers.placeholder'))}</p><ul>{items}</ul>"
        f"<template {ATTR.answers_data}>{script_json(data)}</template></div>"
    )
