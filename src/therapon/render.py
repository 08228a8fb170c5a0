"""The HTML of one exercise: the test-contract wrapper around its kind's body and data."""

from __future__ import annotations

from .catalog import Catalog, load_catalog
from .contract import ATTR, STATUS, anchor
from .kinds import KINDS
from .kinds.parts import prompt
from .markup import escape, script_json
from .model import Exercise


def render_exercise(exercise: Exercise, words: Catalog | None = None) -> str:
    """Stable hooks for scripts and tests: data-exercise, data-kind, data-status.

    Code, data and solutions carry data-search-exclude, so the site search never lists them.
    The exercise's data travels as inert JSON text in a <template>, not in a
    <script type="application/json">: Material's instant navigation re-creates every <script>
    in the page content without its type, which would run the JSON as JavaScript.
    """
    words = words or load_catalog("en")
    kind = KINDS[exercise.kind]
    uid = anchor(exercise.id)
    data = {"id": exercise.id, "kind": exercise.kind, "title": exercise.title,
            "partnerPractice": exercise.partner_practice, **kind.page_data(exercise)}
    turn = f'<div class="therapon-turn" {ATTR.partner_turn}></div>' if exercise.partner_practice else ""
    return (
        f'<div class="therapon-exercise" id="{uid}" {ATTR.exercise}="{exercise.id}" '
        f'{ATTR.kind}="{exercise.kind}" {ATTR.status}="{STATUS.new}" role="group" '
        f'aria-labelledby="{uid}-title">'
        f'<p class="therapon-title" id="{uid}-title">{escape(exercise.title)}'
        f'<span class="therapon-badge" {ATTR.status_label}></span></p>'
        f"{kind.render_body(exercise, uid, words)}{turn}"
        f"<template {ATTR.exercise_data} data-search-exclude>{script_json(data)}</template>"
        "</div>"
    )


def search_stub(exercise: Exercise) -> str:
    """What the page holds while MkDocs and the search plugin read it: the id (a link target),
    the title and the prompt, which stay searchable. Every tag in a page is parsed again by
    the search plugin, and a whole exercise has thirty, so the build puts the full exercise in
    only when the page is written (see CourseBuild.complete_page): 0.3 s on 600 exercises."""
    return (f'<div class="therapon-exercise" id="{anchor(exercise.id)}" {ATTR.pending}>'
            f'<p class="therapon-title">{escape(exercise.title)}</p>{prompt(exercise)}</div>')
