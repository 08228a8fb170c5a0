"""The one contract between the build (Python) and the page (JavaScript).

Everything the Python writes into a page and the scripts read back is named here once: the
statuses an exercise can have, the exercise kinds (and which need Python), the feedback levels,
the shape of an id, course.json's schema version, the `exercise-<id>` anchor, the Python
worker's file, the actions of an exercise's buttons and the `data-*` attributes. The build
imports this module; the browser modules import `theme/assets/therapon/contract.js`, which is
generated from it (`python -m therapon.contract`), and nothing else on either side spells these
facts out.

Why the generated file is committed rather than written before each bundling: esbuild is run by
four callers (`make`, `npm run build:assets`, the wheel's hatch hook and the build's own
`runtime.ensure_bundles`), and the npm one runs with Node only, possibly without this package on
any Python path. A committed file bundles the same everywhere. It cannot go stale unnoticed: the
build regenerates it from a checkout before it bundles (`ensure_bundles`, and `make` through the
Makefile), and tests/test_contract.py fails on any difference, naming the command above.

The checking package (`therapon_check`) runs in the browser without this package, so the two
facts it needs itself, the feedback levels and the id pattern, are defined in
`therapon_check.verdict` and gathered here.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from therapon_check.verdict import ID_PATTERN, LEVELS

# In rank order: progress only moves forward, so two copies of a record keep the later status.
STATUSES = ("new", "attempted", "passed")
# By the name authors write in `kind = "…"`; therapon.kinds has one module for each.
KINDS = ("code", "text", "choice", "reflection")
PYTHON_KINDS = ("code", "text")  # a page with one of these starts Pyodide
COURSE_SCHEMA = 1  # course.json's "schema"; the page refuses any other
ANCHOR_PREFIX = "exercise-"  # an exercise's element id, a link target: exercise-<id>
PYTHON_WORKER = "pyodide-worker.js"  # beside the page scripts, in assets/therapon/
# The worker that <head> starts once the page has painted, before any page script has run
# (partials/therapon-early-python.html): the message it is sent, and where the page script
# finds it (window[EARLY_WORKER]) to take it over.
EARLY_MESSAGE = "early"
EARLY_WORKER = "__theraponEarlyWorker"


@dataclass(frozen=True)
class Statuses:
    new: str = STATUSES[0]
    attempted: str = STATUSES[1]
    passed: str = STATUSES[2]


@dataclass(frozen=True)
class Levels:
    good: str = LEVELS[0]
    tip: str = LEVELS[1]
    concern: str = LEVELS[2]


@dataclass(frozen=True)
class Actions:
    """The `data-action` of each button an exercise is rendered with."""

    run: str = "run"
    check: str = "check"
    hint: str = "hint"
    solution: str = "solution"
    reset: str = "reset"
    confirm_reset: str = "confirm-reset"
    cancel_reset: str = "cancel-reset"
    done: str = "done"
    copy: str = "copy"
    download: str = "download"


@dataclass(frozen=True)
class Attributes:
    """The `data-*` attributes the build renders (or the page's head script sets) and the page
    scripts read. Tests rely on several of them (DESIGN.md's test contract): their values never
    change."""

    exercise: str = "data-exercise"          # the exercise's wrapper, = its id
    kind: str = "data-kind"
    status: str = "data-status"              # one of STATUSES, updated live
    status_label: str = "data-status-label"
    exercise_data: str = "data-exercise-data"  # <template> with the exercise's JSON
    pending: str = "data-therapon-pending"   # the search stub, until the page is written
    ready: str = "data-ready"                # set once mounted: its buttons work
    pressed_early: str = "data-pressed-early"
    edited_early: str = "data-edited-early"
    partner_turn: str = "data-partner-turn"
    action: str = "data-action"              # one of Actions
    hints: str = "data-hints"
    confirm: str = "data-confirm"
    loading: str = "data-loading"
    loading_text: str = "data-loading-text"
    feedback: str = "data-feedback"          # the live region
    solution: str = "data-solution"
    option: str = "data-option"              # = the option's id
    explanation: str = "data-explanation"
    code: str = "data-code"
    output: str = "data-output"
    response: str = "data-response"
    entry: str = "data-entry"
    word_count: str = "data-word-count"
    done_rule: str = "data-done-rule"
    answers: str = "data-therapon-answers"
    answers_data: str = "data-answers-data"


STATUS = Statuses()
LEVEL = Levels()
ACTION = Actions()
ATTR = Attributes()


def anchor(exercise_id: str) -> str:
    """An exercise's element id, which lessons and the dashboard link to."""
    return f"{ANCHOR_PREFIX}{exercise_id}"


def check_consistent() -> None:
    """The named constants agree with the lists (a slip here would split the contract)."""
    if tuple(asdict(STATUS).values()) != STATUSES or tuple(asdict(LEVEL).values()) != LEVELS \
            or not set(PYTHON_KINDS) <= set(KINDS):
        raise ValueError("src/therapon/contract.py: the named statuses, levels or Python kinds "
                         "differ from the lists STATUSES, LEVELS and KINDS; make them agree.")


# ---- The JavaScript module -------------------------------------------------------------

JS_PATH = Path(__file__).resolve().parent / "theme" / "assets" / "therapon" / "contract.js"
REGENERATE = "python -m therapon.contract"
HEADER = ("// Generated from src/therapon/contract.py, do not edit: change the Python and run\n"
          f"// `{REGENERATE}` (tests/test_contract.py fails while this file is stale).\n")


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


def _js(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _union(values: tuple[str, ...]) -> str:
    return " | ".join(_js(v) for v in values)


def _frozen_list(values: tuple[str, ...], of: str) -> str:
    return f"/** @type {{readonly {of}[]}} */ (Object.freeze([{', '.join(_js(v) for v in values)}]))"


def _frozen_object(named: object) -> str:
    fields = asdict(named)  # type: ignore[call-overload]
    body = "".join(f"\n  {_camel(key)}: {_js(value)}," for key, value in fields.items())
    return f"Object.freeze({{{body}\n}})"


def javascript() -> str:
    """contract.js, as the generator writes it."""
    check_consistent()
    selectors = {key: f"[{name}]" for key, name in asdict(ATTR).items()}
    parts = [
        HEADER,
        "// @ts-check\n",
        f"/** @typedef {{{_union(STATUSES)}}} Status */\n",
        f"/** @typedef {{{_union(KINDS)}}} Kind */\n",
        f"/** @typedef {{{_union(LEVELS)}}} Level */\n\n",
        "/** An exercise's statuses, in rank order: progress never goes backwards. */\n",
        f"export const STATUSES = {_frozen_list(STATUSES, 'Status')};\n",
        f"export const STATUS = {_frozen_object(STATUS)};\n\n",
        "/** The exercise kinds, and those whose page starts Python. */\n",
        f"export const KINDS = {_frozen_list(KINDS, 'Kind')};\n",
        f"export const PYTHON_KINDS = {_frozen_list(PYTHON_KINDS, 'Kind')};\n\n",
        "/** A verdict item's level. */\n",
        f"export const LEVELS = {_frozen_list(LEVELS, 'Level')};\n",
        f"export const LEVEL = {_frozen_object(LEVEL)};\n\n",
        "/** The shape of every id: an exercise's, a profile's, a verdict item's. */\n",
        f"export const ID_PATTERN = /{ID_PATTERN.pattern}/;\n",
        "/** course.json's schema version. */\n",
        f"export const COURSE_SCHEMA = {COURSE_SCHEMA};\n",
        "/** An exercise's element id is ANCHOR_PREFIX + its id. */\n",
        f"export const ANCHOR_PREFIX = {_js(ANCHOR_PREFIX)};\n",
        "/** The Python worker's script, beside the page scripts. */\n",
        f"export const PYTHON_WORKER = {_js(PYTHON_WORKER)};\n",
        "/** The worker <head> starts early: its first message, and where the page finds it. */\n",
        f"export const EARLY_MESSAGE = {_js(EARLY_MESSAGE)};\n",
        f"export const EARLY_WORKER = {_js(EARLY_WORKER)};\n\n",
        "/** Each exercise button's data-action. */\n",
        f"export const ACTION = {_frozen_object(ACTION)};\n\n",
        "/** The data-* attributes the build renders and the page reads, and a selector for each. */\n",
        f"export const ATTR = {_frozen_object(ATTR)};\n",
        "export const SELECTOR = Object.freeze({"
        + "".join(f"\n  {_camel(k)}: {_js(v)}," for k, v in selectors.items()) + "\n});\n",
    ]
    return "".join(parts)


def write_javascript(path: Path = JS_PATH) -> bool:
    """Write contract.js if it differs; True when it was (re)written."""
    text = javascript()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        if JS_PATH.is_file() and JS_PATH.read_text(encoding="utf-8") == javascript():
            return 0
        print(f"{JS_PATH}: stale; run `{REGENERATE}`.", file=sys.stderr)
        return 1
    if argv:
        print(f"usage: {REGENERATE} [--check]", file=sys.stderr)
        return 2
    print(f"{JS_PATH}: {'written' if write_javascript() else 'already up to date'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
