"""The exercise kinds text, choice and reflection: loading, build-time verification, rendering.

Every authoring mistake is checked for the file it names, the line it points at and the
exact sentence (with its fix) that the author reads in the build log."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from therapon.course import verify_all
from therapon.errors import AuthoringError, AuthoringFailed
from therapon.kinds.rules import rules_of
from therapon.kinds.text import checker_source
from therapon.load import load_exercises
from therapon.model import Exercise
from therapon.render import render_exercise
from therapon.verdicts import Verdicts
from therapon.verify import Verifier
from therapon_check.language import Feedback
from therapon_check.written import shape_problem

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixture"  # the engine's own test course

# Line numbers in the cases below refer to these texts.
CHOICE_TOML = """\
id = "pick-one"
kind = "choice"
title = "Pick one"

[[options]]
id = "reflect"
text = "That sounds hard."
correct = true

[[options]]
id = "advise"
text = "You should rest."
"""
CHOICE_PATH = Path("exercises/pick-one.toml")

REFLECTION_TOML = """\
id = "quiet-moment"
kind = "reflection"
title = "A quiet moment"
"""
REFLECTION_PATH = Path("exercises/quiet-moment.toml")

TEXT_TOML = """\
id = "rephrase"
kind = "text"
title = "Rephrase it"
sample_answer = "I feel tired."
checker = "checker.py"
[[examples]]
response = "I feel lonely when you are late."
meets_goal = true
triggers = ["names-feeling"]

[[examples]]
response = "You are always late."
meets_goal = false
triggers = ["feeling-missing"]
"""
# Line 8 is where the cases below make the checker misbehave on example 2 ("always").
CHECKER = '''\
"""A response meets the goal when it names a feeling."""

from therapon_check.language import Feedback


def check(response):
    if "always" in response:
        pass
    feedback = Feedback()
    if "feel" in response.lower():
        feedback.good("names-feeling", "You named a feeling.")
        return feedback.result(meets_goal=True)
    feedback.tip("feeling-missing", "Say how you feel.")
    return feedback.result(meets_goal=False)
'''
TEXT_DIR = Path("exercises/rephrase")
TEXT_META = TEXT_DIR / "exercise.toml"
CHECKER_PATH = TEXT_DIR / "checker.py"
EXAMPLE_2 = "example 2 ('You are always late.')"

Entries = dict[str, "str | Entries | None"]


@pytest.fixture
def project(tmp_path: Path) -> Callable[[Entries], Path]:
    """Write {name: text} (one-file exercises) and {name: {file: text}} (folders) under
    tmp_path/exercises; None leaves a file out. Returns the root."""

    def build(entries: Entries) -> Path:
        def write(folder: Path, tree: Entries) -> None:
            folder.mkdir(parents=True, exist_ok=True)
            for name, contents in tree.items():
                if isinstance(contents, dict):
                    write(folder / name, contents)
                elif contents is not None:
                    (folder / name).write_text(contents, encoding="utf-8")

        write(tmp_path / "exercises", entries)
        return tmp_path

    return build


def load(root: Path) -> dict[str, Exercise]:
    return load_exercises(root / "exercises", root)


def problems(root: Path, verdicts: Verdicts | None = None) -> list[AuthoringError]:
    """Every error a build would report: loading first, then each kind's verification, from
    scratch (no cache) unless told otherwise, as a build on a fresh clone would."""
    verdicts = verdicts or Verdicts(None)
    try:
        verify_all(load(root), root, verdicts)
    except AuthoringFailed as failed:
        return failed.errors
    finally:
        verdicts.close()
    return []


def located(errors: list[AuthoringError]) -> list[tuple[Path, int | None, str]]:
    return [(Path(e.path), e.line, e.message) for e in errors]


def lines_without(text: str, *numbers: int) -> str:
    """text with the given lines (1-based) removed."""
    kept = [line for n, line in enumerate(text.splitlines(), start=1) if n not in numbers]
    return "\n".join(kept) + "\n"


def with_line(text: str, number: int, new: str) -> str:
    """text with one line (1-based) replaced."""
    lines = text.splitlines()
    lines[number - 1] = new
    return "\n".join(lines) + "\n"


def text_exercise(toml: str = TEXT_TOML, checker: str | None = CHECKER) -> Entries:
    return {"rephrase": {"exercise.toml": toml, "checker.py": checker}}


def odd_checker(line_8: str) -> str:
    """The checker, misbehaving on example 2 only (its response says "always")."""
    return with_line(CHECKER, 8, f"        {line_8}")


# ---------------------------------------------------------------------------------------------
# choice

OPTION_KEYS = "id, text, correct, explanation"
ID_RULE = ("must use only lower-case letters, digits and single hyphens, got {!r}. Write it as, "
           'for example, id = "listener-tally". Ids never change once published.')

# (case id, exercises/pick-one.toml, line, exact message)
CHOICE_CASES = [
    ("missing-options", lines_without(CHOICE_TOML, *range(4, 13)), None,
     "'options' is required. Add [[options]] blocks (see AUTHORING.md)."),
    ("options-as-string", lines_without(CHOICE_TOML, *range(5, 13)) + 'options = "a"\n', 5,
     "'options' must be written as [[options]] blocks, got a string."),
    ("options-as-list-of-strings", lines_without(CHOICE_TOML, *range(5, 13)) + 'options = ["a", "b"]\n',
     5, "'options' must be written as [[options]] blocks, got a list."),
    ("one-option", lines_without(CHOICE_TOML, *range(9, 13)), 5,
     "'options' needs at least 2 [[options]] blocks, got 1."),
    ("option-without-id", lines_without(CHOICE_TOML, 11), 10,
     "'options' entry 2: 'id' is required."),
    ("option-without-text", lines_without(CHOICE_TOML, 7), 5,
     "'options' entry 1: 'text' is required."),
    ("option-with-empty-text", with_line(CHOICE_TOML, 12, 'text = "  "'), 10,
     "'options' entry 2: 'text' must not be empty. Write it as, for example, "
     'title = "Who listened?".'),
    ("option-unknown-key", CHOICE_TOML + 'feedback = "Try again."\n', 10,
     f"'options' entry 2: unknown key 'feedback'. Known keys: {OPTION_KEYS}."),
    ("correct-in-quotes", with_line(CHOICE_TOML, 8, 'correct = "yes"'), 5,
     "'options' entry 1: 'correct' must be true or false (without quotes), got 'yes'."),
    ("explanation-as-number", CHOICE_TOML + "explanation = 3\n", 10,
     "'options' entry 2: 'explanation' must be text in quotes, got a number."),
    ("option-id-unsafe", with_line(CHOICE_TOML, 6, 'id = "Reflect <b>"'), 5,
     "'options' entry 1: 'id' " + ID_RULE.format("Reflect <b>")),
    ("option-id-with-dots", with_line(CHOICE_TOML, 11, 'id = "../advise"'), 10,
     "'options' entry 2: 'id' " + ID_RULE.format("../advise")),
    ("multiple-in-quotes", with_line(CHOICE_TOML, 4, 'multiple = "yes"'), 4,
     "'multiple' must be true or false (without quotes), got 'yes'."),
    ("duplicate-option-ids", with_line(CHOICE_TOML, 11, 'id = "reflect"'), 10,
     "options 1 and 2 share the id 'reflect'. Give each option its own id."),
    ("no-correct-option", lines_without(CHOICE_TOML, 8), None,
     "no option is marked correct = true. Mark the right answer (or answers, with "
     "multiple = true)."),
    ("two-correct-single-choice", CHOICE_TOML + "correct = true\n", None,
     "2 options are marked correct, but only one can be chosen. Set multiple = true, or mark "
     "one option."),
    ("answer-after-zero", with_line(CHOICE_TOML, 4, "show_answer_after = 0"), 4,
     "'show_answer_after' must be a whole number from 1 to 10: the Check that first marks the right "
     "answer after a wrong one, got 0. Write show_answer_after = 2 to let the learner try once more "
     "first, or show_answer_after = 1 to mark it at once."),
    ("answer-after-in-quotes", with_line(CHOICE_TOML, 4, 'show_answer_after = "2"'), 4,
     "'show_answer_after' must be a whole number from 1 to 10: the Check that first marks the right "
     "answer after a wrong one, got '2'. Write show_answer_after = 2 to let the learner try once more "
     "first, or show_answer_after = 1 to mark it at once."),
    ("answer-after-never-reached", with_line(CHOICE_TOML, 4, "show_answer_after = 2"), 4,
     "show_answer_after = 2, but with 2 options a learner can choose wrong only 1 time, so the answer "
     "would never be marked. Use a number from 1 to 1."),
]


@pytest.mark.parametrize(("toml", "line", "message"), [case[1:] for case in CHOICE_CASES],
                         ids=[case[0] for case in CHOICE_CASES])
def test_choice_authoring_errors(project, toml, line, message):
    errors = problems(project({"pick-one.toml": toml}))
    assert located(errors) == [(CHOICE_PATH, line, message)]
    where = f"{CHOICE_PATH}:{line}" if line else f"{CHOICE_PATH}"
    assert str(errors[0]) == f"{where}: {message}"


def test_valid_single_choice_loads_with_defaults(project):
    root = project({"pick-one.toml": CHOICE_TOML})
    loaded = load(root)["pick-one"]
    assert (loaded.kind, loaded.title, loaded.files) == ("choice", "Pick one", {})
    assert (loaded.folder, loaded.metadata_path) == (root / "exercises", root / "exercises/pick-one.toml")
    assert loaded.fields == {"multiple": False, "shuffle": False, "show_answer_after": 2, "options": (
        {"id": "reflect", "text": "That sounds hard.", "correct": True, "explanation": ""},
        {"id": "advise", "text": "You should rest.", "correct": False, "explanation": ""},
    )}
    assert problems(root) == []


def test_valid_multiple_choice_with_two_correct_options_verifies(project):
    toml = with_line(CHOICE_TOML, 4, "multiple = true\nshuffle = true") + "correct = true\n"
    root = project({"pick-one.toml": toml})
    fields = load(root)["pick-one"].fields
    assert (fields["multiple"], fields["shuffle"]) == (True, True)
    assert [o["correct"] for o in fields["options"]] == [True, True]
    assert problems(root) == []


def test_every_choice_verify_problem_is_reported_at_once(project):
    toml = with_line(CHOICE_TOML, 11, 'id = "reflect"') + "correct = true\n"
    assert located(problems(project({"pick-one.toml": toml}))) == [
        (CHOICE_PATH, 10, "options 1 and 2 share the id 'reflect'. Give each option its own id."),
        (CHOICE_PATH, None, "2 options are marked correct, but only one can be chosen. Set "
         "multiple = true, or mark one option."),
    ]


# ---------------------------------------------------------------------------------------------
# reflection

REFLECTION_KEYS = ("id, kind, title, prompt, hints, reveal, reveal_after_attempts, partner_practice, "
                   "min_words, label")
REFLECTION_CASES = [
    ("min-words-negative", "min_words = -1", "'min_words' must be a whole number of 0 or more, got -1."),
    ("min-words-in-words", 'min_words = "ten"',
     "'min_words' must be a whole number of 0 or more, got 'ten'."),
    ("min-words-true", "min_words = true", "'min_words' must be a whole number of 0 or more, got True."),
    ("label-empty", 'label = ""',
     "'label' must not be empty. Write it as, for example, title = \"Who listened?\"."),
    ("unknown-key", "max_words = 200",
     f"unknown key 'max_words'. Did you mean 'min_words'? Known keys: {REFLECTION_KEYS}."),
]


@pytest.mark.parametrize(("line_4", "message"), [case[1:] for case in REFLECTION_CASES],
                         ids=[case[0] for case in REFLECTION_CASES])
def test_reflection_authoring_errors(project, line_4, message):
    errors = problems(project({"quiet-moment.toml": REFLECTION_TOML + line_4 + "\n"}))
    assert located(errors) == [(REFLECTION_PATH, 4, message)]


def test_valid_one_file_reflection_loads_with_defaults(project):
    root = project({"quiet-moment.toml": REFLECTION_TOML})
    loaded = load(root)["quiet-moment"]
    assert (loaded.kind, loaded.files, loaded.metadata_path) == (
        "reflection", {}, root / "exercises/quiet-moment.toml")
    assert loaded.fields == {"min_words": 0, "label": ""}  # the page shows the catalog's label
    assert problems(root) == []


def test_reflection_reads_its_own_fields(project):
    toml = REFLECTION_TOML + 'min_words = 25\nlabel = "  Your notes  "\n'
    assert load(project({"quiet-moment.toml": toml}))["quiet-moment"].fields == {
        "min_words": 25, "label": "Your notes"}


# ---------------------------------------------------------------------------------------------
# text

EXAMPLE_KEYS = "response, meets_goal, triggers"
LONG_RESPONSE = "I feel fine, and honestly you are the whole problem here, as you know."
LONG_QUOTED = repr(LONG_RESPONSE[:47] + "…")

# (case id, exercise folder, file named, line, exact message)
TEXT_CASES = [
    ("missing-checker", text_exercise(checker=None), TEXT_META, 5,
     "'checker' names checker.py, which is not in exercises/rephrase. Add the file, or remove the line."),
    ("checker-syntax-error", text_exercise(checker=with_line(CHECKER, 6, "def check(response)")),
     CHECKER_PATH, 6, "Python can't read this file: expected ':'. Fix the syntax on that line."),
    ("empty-checker", text_exercise(checker="\n"), CHECKER_PATH, None,
     "this file is empty. Write its content, or delete it."),
    ("missing-examples", text_exercise(lines_without(TEXT_TOML, *range(5, 15))), TEXT_META, None,
     "'examples' is required. Add [[examples]] blocks (see AUTHORING.md)."),
    ("one-example", text_exercise(lines_without(TEXT_TOML, *range(10, 15))), TEXT_META, 6,
     "'examples' needs at least 2 [[examples]] blocks, got 1."),
    ("only-passing-examples", text_exercise(with_line(TEXT_TOML, 13, "meets_goal = true")),
     TEXT_META, None, "add at least one example with meets_goal = true and one with "
     "meets_goal = false, so both verdicts are tested."),
    ("only-failing-examples", text_exercise(with_line(TEXT_TOML, 8, "meets_goal = false")),
     TEXT_META, None, "add at least one example with meets_goal = true and one with "
     "meets_goal = false, so both verdicts are tested."),
    ("example-without-meets-goal", text_exercise(lines_without(TEXT_TOML, 13)), TEXT_META, 11,
     "'examples' entry 2: 'meets_goal' is required."),
    ("example-without-response", text_exercise(lines_without(TEXT_TOML, 7)), TEXT_META, 6,
     "'examples' entry 1: 'response' is required."),
    ("meets-goal-in-quotes", text_exercise(with_line(TEXT_TOML, 8, 'meets_goal = "true"')), TEXT_META,
     6, "'examples' entry 1: 'meets_goal' must be true or false (without quotes), got 'true'."),
    ("triggers-as-string", text_exercise(with_line(TEXT_TOML, 14, 'triggers = "feeling-missing"')),
     TEXT_META, 11, "'examples' entry 2: 'triggers' must be a list of strings, got a string. "
     'Write triggers = ["…"].'),
    ("example-unknown-key", text_exercise(TEXT_TOML + 'note = "why"\n'), TEXT_META, 11,
     f"'examples' entry 2: unknown key 'note'. Known keys: {EXAMPLE_KEYS}."),
    ("example-should-not-meet-goal",
     text_exercise(TEXT_TOML + f'\n[[examples]]\nresponse = "{LONG_RESPONSE}"\nmeets_goal = false\n'),
     TEXT_META, 16, f"example 3 ({LONG_QUOTED}) should not meet the goal, but the checker says "
     "otherwise (it gave 'names-feeling'). Fix the checker or the example."),
    ("example-should-meet-goal",
     text_exercise(TEXT_TOML + '\n[[examples]]\nresponse = "Please\\n  come   home."\nmeets_goal = true\n'),
     TEXT_META, 16, "example 3 ('Please come home.') should meet the goal, but the checker says "
     "otherwise (it gave 'feeling-missing'). Fix the checker or the example."),
    ("example-trigger-not-given", text_exercise(with_line(TEXT_TOML, 14, 'triggers = ["blames"]')),
     TEXT_META, 11, f"{EXAMPLE_2} should trigger 'blames', but the checker gave 'feeling-missing'. "
     "Fix the checker or the example."),
    ("sample-answer-misses-goal", text_exercise(with_line(TEXT_TOML, 4, 'sample_answer = "Come home."')),
     TEXT_META, 4, "the sample_answer ('Come home.') should meet the goal, but the checker says "
     "otherwise (it gave 'feeling-missing'). Fix the checker or the example."),
    ("checker-raises", text_exercise(checker=odd_checker("return 1 / 0")), CHECKER_PATH, 8,
     f"on {EXAMPLE_2}: The checker crashed (ZeroDivisionError: division by zero). Fix the checker."),
    ("checker-bad-feedback-id", text_exercise(checker=odd_checker('Feedback().tip("No Id", "x")')),
     CHECKER_PATH, 8, f"on {EXAMPLE_2}: The checker crashed (ValueError: Feedback id 'No Id' must be "
     "lower-case letters and digits joined by hyphens, like 'names-a-feeling'.). Fix the checker."),
    ("checker-returns-true", text_exercise(checker=odd_checker("return True")), CHECKER_PATH, 6,
     f"on {EXAMPLE_2}: check(response) must return feedback.result(meets_goal=...); it returned "
     "bool. Fix the checker."),
    ("checker-returns-no-observations",
     text_exercise(checker=odd_checker('return {"meets_goal": False}')), CHECKER_PATH, 6,
     f"on {EXAMPLE_2}: check(response) must return feedback.result(meets_goal=...), a dict with "
     "exactly 'meets_goal' and 'observations' (missing 'observations'). Fix the checker."),
    ("checker-returns-warning-level", text_exercise(checker=odd_checker(
        'return {"meets_goal": False, "observations": [{"id": "late", "level": "warning", '
        '"message": "Late."}]}')), CHECKER_PATH, 6,
     f"on {EXAMPLE_2}: observation 1 has level 'warning'; use one of good, tip, concern. "
     "Fix the checker."),
]


@pytest.mark.parametrize(("folder", "path", "line", "message"), [case[1:] for case in TEXT_CASES],
                         ids=[case[0] for case in TEXT_CASES])
def test_text_authoring_errors(project, folder, path, line, message):
    errors = problems(project({"rephrase": folder["rephrase"]}))
    assert located(errors) == [(path, line, message)]
    where = f"{path}:{line}" if line else f"{path}"
    assert str(errors[0]) == f"{where}: {message}"


def test_valid_text_exercise_loads_and_verifies(project):
    root = project(text_exercise())
    loaded = load(root)["rephrase"]
    assert (loaded.kind, loaded.file("checker").text) == ("text", CHECKER)
    assert loaded.file("checker").path == root / CHECKER_PATH
    assert loaded.fields == {
        "label": "", "sample_answer": "I feel tired.", "checker": "checker.py",
        "min_words": 1, "original": "", "scene": (), "look_for": (), "avoid": (), "examples": (
            {"response": "I feel lonely when you are late.", "meets_goal": True,
             "triggers": ("names-feeling",)},
            {"response": "You are always late.", "meets_goal": False, "triggers": ("feeling-missing",)},
        )}
    assert problems(root) == []


def test_wrong_verdict_and_missing_trigger_are_both_reported(project):
    toml = with_line(TEXT_TOML, 12, 'response = "I feel you are late."')
    name = "example 2 ('I feel you are late.')"
    assert located(problems(project(text_exercise(toml)))) == [
        (TEXT_META, 11, f"{name} should not meet the goal, but the checker says otherwise (it gave "
         "'names-feeling'). Fix the checker or the example."),
        (TEXT_META, 11, f"{name} should trigger 'feeling-missing', but the checker gave "
         "'names-feeling'. Fix the checker or the example."),
    ]


def test_checker_without_check_function_is_reported_once(project):
    checker = "from therapon_check.language import Feedback\n\nfeedback = Feedback()\n"
    reason = "The checker defines no check(response) function. Fix the checker."
    assert located(problems(project(text_exercise(checker=checker)))) == [
        (CHECKER_PATH, None, f"on example 1 ('I feel lonely when you are late.'): {reason}"),
    ]


def test_checker_calling_exit_is_reported_as_a_crash(project):
    assert located(problems(project(text_exercise(checker=odd_checker("exit(1)"))))) == [
        (CHECKER_PATH, 8, f"on {EXAMPLE_2}: The checker crashed (SystemExit: 1). Fix the checker."),
    ]


def test_checker_with_endless_loop_fails_in_time(project):
    root = project(text_exercise(checker=odd_checker("while True: pass")))
    verdicts = Verdicts(None, Verifier(seconds=0.5))
    # Only example 2 loops; after a checker fails to finish, the rest are not tried.
    assert located(problems(root, verdicts)) == [
        (CHECKER_PATH, None, f"the checker did not finish on {EXAMPLE_2} (it ran for more than "
         "0.5 seconds). Look for an endless loop, or a call to exit()."),
    ]
    assert verdicts.computed == 2, "examples after the one that looped must not run"
    assert verdicts.verifier.process is None, "the looping child must be killed"


# ---------------------------------------------------------------------------------------------
# one-file exercises and folders

FOLDER_KIND_CASES = [
    ("text", TEXT_TOML, "rephrase", "a 'text' exercise needs its own folder with exercise.toml and "
     "its corpus.jsonl (and a checker, if it has one). Move this file to exercises/rephrase/exercise.toml."),
    ("code", 'id = "greet"\nkind = "code"\ntitle = "Greet"\n', "greet",
     "a 'code' exercise needs its own folder with exercise.toml and starter.py, solution.py, "
     "checks.py. Move this file to exercises/greet/exercise.toml."),
]


@pytest.mark.parametrize(("toml", "stem", "message"), [case[1:] for case in FOLDER_KIND_CASES],
                         ids=[case[0] for case in FOLDER_KIND_CASES])
def test_one_file_exercise_of_a_kind_with_python_files_must_be_a_folder(project, toml, stem, message):
    errors = problems(project({f"{stem}.toml": toml}))
    assert located(errors) == [(Path(f"exercises/{stem}.toml"), None, message)]


def test_choice_and_reflection_may_also_be_folders(project):
    root = project({"pick-one": {"exercise.toml": CHOICE_TOML},
                    "quiet-moment": {"exercise.toml": REFLECTION_TOML}})
    exercises = load(root)
    assert {e.id: e.metadata_path for e in exercises.values()} == {
        "pick-one": root / "exercises/pick-one/exercise.toml",
        "quiet-moment": root / "exercises/quiet-moment/exercise.toml"}
    assert problems(root) == []


DUPLICATE_CASES = [
    ("same-name", {"pick-one": {"exercise.toml": CHOICE_TOML}, "pick-one.toml": CHOICE_TOML},
     Path("exercises/pick-one.toml"), Path("exercises/pick-one/exercise.toml"), 1),
    ("file-first", {"a-first.toml": CHOICE_TOML,
                    "b-second": {"exercise.toml": "# Copied by mistake.\n" + CHOICE_TOML}},
     Path("exercises/b-second/exercise.toml"), Path("exercises/a-first.toml"), 2),
]


@pytest.mark.parametrize(("entries", "path", "first", "line"), [case[1:] for case in DUPLICATE_CASES],
                         ids=[case[0] for case in DUPLICATE_CASES])
def test_one_file_exercise_and_folder_with_the_same_id(project, entries, path, first, line):
    assert located(problems(project(entries))) == [
        (path, line, f"the id 'pick-one' is already used by {first}. Every exercise needs its own id.")]


# ---------------------------------------------------------------------------------------------
# rendering

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    parent: Element | None = None
    children: list[Element] = field(default_factory=list)
    text: str = ""

    def ancestors(self) -> list[str]:
        found, node = [], self.parent
        while node is not None:
            found.append(node.tag)
            node = node.parent
        return found


class Tree(HTMLParser):
    """Every element of a fragment, in document order, with its direct text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self.open[-1] if self.open else None
        element = Element(tag, dict(attrs), parent)
        if parent is not None:
            parent.children.append(element)
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1].tag == tag, f"</{tag}> closes <{self.open[-1].tag}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1].text += data

    def all(self, tag: str | None = None, **attrs: str | None) -> list[Element]:
        return [e for e in self.elements if (tag is None or e.tag == tag) and all(
            e.attrs.get(key.replace("_", "-"), "absent") == value for key, value in attrs.items())]


def real_exercises() -> dict[str, Exercise]:
    """The exercises of the engine's fixture course (tests/fixture/), one or more of every kind."""
    return load_exercises(FIXTURE / "exercises", FIXTURE)


REAL = real_exercises()
REAL_IDS = sorted(REAL)


def page_data(html: str) -> dict[str, Any]:
    found = re.search(r"<template data-exercise-data data-search-exclude>(.*?)</template>", html, re.S)
    assert found, "no <template data-exercise-data>"
    assert "<" not in found.group(1)
    return json.loads(found.group(1))


def expected_buttons(exercise: Exercise) -> list[str]:
    hint = ["Hint"] if exercise.hints else []
    reset = ["Reset", "Yes, reset", "Cancel"]
    if exercise.kind == "reflection":
        return ["Mark as done", "Copy", "Download"]
    if exercise.kind == "choice":
        return ["Check", *hint, *reset]
    solution = ["Show solution"] if exercise.shows_solution and (
        exercise.kind == "code" or exercise.fields["sample_answer"].strip()) else []
    run = ["Run"] if exercise.kind == "code" else []
    return [*run, "Check", *hint, *solution, *reset]


def test_the_real_exercises_cover_every_kind():
    assert {e.kind for e in REAL.values()} == {"code", "text", "choice", "reflection"}


@pytest.mark.parametrize("exercise_id", REAL_IDS)
def test_real_exercise_keeps_the_test_contract(exercise_id):
    exercise = REAL[exercise_id]
    html = render_exercise(exercise)
    tree = Tree(html)
    wrapper = tree.elements[0]
    assert wrapper.tag == "div" and wrapper.parent is None and not tree.open
    assert {k: wrapper.attrs.get(k) for k in ("data-exercise", "data-kind", "data-status")} == {
        "data-exercise": exercise.id, "data-kind": exercise.kind, "data-status": "new"}
    # every action is a real <button> with visible text
    actions = [e for e in tree.elements if "data-action" in e.attrs]
    assert all(e.tag == "button" and e.attrs["type"] == "button" for e in actions)
    assert [b.text for b in tree.all("button")] == expected_buttons(exercise)
    feedback = [e for e in tree.elements if "data-feedback" in e.attrs]
    assert len(feedback) == 1 and feedback[0].attrs["aria-live"] == "polite"
    data = page_data(html)
    assert (data["id"], data["kind"], data["title"]) == (exercise.id, exercise.kind, exercise.title)


@pytest.mark.parametrize("exercise_id", [i for i in REAL_IDS if REAL[i].kind in ("text", "reflection",
                                                                                   "code")])
def test_real_exercise_text_areas_have_labels(exercise_id):
    tree = Tree(render_exercise(REAL[exercise_id]))
    areas = tree.all("textarea")
    assert len(areas) == 1
    labels = tree.all("label", **{"for": areas[0].attrs["id"]})
    assert len(labels) == 1 and labels[0].text.strip()


@pytest.mark.parametrize("exercise", [e for e in REAL.values() if e.kind == "choice"],
                         ids=lambda e: e.id)
def test_real_choice_has_a_labelled_input_per_option_in_a_fieldset(exercise):
    tree = Tree(render_exercise(exercise))
    inputs = tree.all("input")
    assert [i.attrs["value"] for i in inputs] == [o["id"] for o in exercise.fields["options"]]
    multiple = exercise.fields["multiple"]
    assert {i.attrs["type"] for i in inputs} == {"checkbox" if multiple else "radio"}
    assert len({i.attrs["name"] for i in inputs}) == 1
    for element in inputs:
        assert len(tree.all("label", **{"for": element.attrs["id"]})) == 1
        assert "fieldset" in element.ancestors()
    [fieldset] = tree.all("fieldset")
    legend = "Choose all that apply." if multiple else "Choose one answer."
    assert fieldset.children[0].tag == "legend" and fieldset.children[0].text == legend


def test_real_reflections_say_the_words_stay_on_this_device_and_who_sees_shared_notes():
    reflections = [e for e in REAL.values() if e.kind == "reflection"]
    assert any(e.partner_practice for e in reflections) and not all(e.partner_practice for e in reflections)
    for exercise in reflections:
        html = render_exercise(exercise)
        if exercise.partner_practice:
            assert (">Shared notes: every profile on this device sees them, with or without a lock. "
                    "They stay on this device, and are never graded or sent anywhere.</p>") in html
        else:
            assert ">Your words stay on this device. They are never graded or sent anywhere.</p>" in html
        assert page_data(html)["minWords"] == exercise.fields["min_words"]
        assert ("data-partner-turn" in html) == exercise.partner_practice
        # No minimum, no word count: the counter is not even on the page until it is needed.
        assert ("data-word-count hidden" in html) == (exercise.fields["min_words"] == 0)


def test_real_text_page_data_has_the_checker_and_code_page_data_no_solution():
    for exercise in REAL.values():
        data = page_data(render_exercise(exercise))
        if exercise.kind == "text":
            assert data["rules"] == rules_of(exercise) and data["checker"] == checker_source(exercise)
            assert "sample_answer" not in json.dumps(data) and "examples" not in data
        if exercise.kind == "code":
            given = exercise.file("starter").text + exercise.file("checks").text
            own = [line.strip() for line in exercise.file("solution").text.splitlines()
                   if line.strip() and line.strip() not in given]
            shown = json.dumps(data, ensure_ascii=False)
            assert "solution" not in data and own
            assert [line for line in own if line in shown] == []


MARKDOWN_CHOICE = """\
id = "say-it"
kind = "choice"
title = "Say <script>alert('hi')</script> & \\"more\\""
multiple = true

[[options]]
id = "soft"
text = "Say it *gently*."
correct = true
explanation = "A **soft** start helps.\\n\\nIt keeps `calm`."

[[options]]
id = "loud"
text = "Say it loudly."
correct = true
"""


def test_choice_renders_markdown_checkboxes_and_escapes_the_title(project):
    exercise = load(project({"say-it.toml": MARKDOWN_CHOICE}))["say-it"]
    html = render_exercise(exercise)
    tree = Tree(html)
    assert [(i.attrs["type"], i.attrs["id"]) for i in tree.all("input")] == [
        ("checkbox", "exercise-say-it-option-soft"), ("checkbox", "exercise-say-it-option-loud")]
    assert '<label for="exercise-say-it-option-soft">Say it <em>gently</em>.</label>' in html
    assert ("<p>A <strong>soft</strong> start helps.</p>\n<p>It keeps <code>calm</code>.</p>"
            in html)
    assert tree.all("legend")[0].text == "Choose all that apply."
    assert "<script" not in html
    assert "Say &lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt; &amp; &quot;more&quot;" in html
    data = page_data(html)
    assert data["title"] == "Say <script>alert('hi')</script> & \"more\""
    assert (data["multiple"], data["correct"]) == (True, ["soft", "loud"])


@pytest.mark.parametrize(("kind", "entries"), [
    ("reflection", {"quiet-moment.toml": REFLECTION_TOML + 'label = "Notes <img src=x onerror=alert(1)>"\n'}),
    ("text", text_exercise(TEXT_TOML.replace('title = "Rephrase it"',
                                             'title = "Rephrase it"\nlabel = "Notes <img src=x '
                                             'onerror=alert(1)>"'))),
], ids=["reflection", "text"])
def test_hostile_labels_are_escaped(project, kind, entries):
    [exercise] = load(project(entries)).values()
    assert exercise.kind == kind
    html = render_exercise(exercise)
    assert "<img" not in html
    assert "Notes &lt;img src=x onerror=alert(1)&gt;</label>" in html


def test_page_data_cannot_close_its_template(project):
    toml = REFLECTION_TOML.replace('"A quiet moment"', '"</template><script>x</script> & <!--"')
    html = render_exercise(load(project({"quiet-moment.toml": toml}))["quiet-moment"])
    assert page_data(html)["title"] == "</template><script>x</script> & <!--"
    assert html.count("</template>") == 1


# ---------------------------------------------------------------------------------------------
# therapon_check.written.shape_problem

RESULT = "check(response) must return feedback.result(meets_goal=...); it returned {}."
KEYS = "check(response) must return feedback.result(meets_goal=...), a dict with exactly " \
       "'meets_goal' and 'observations' ({})."
GOOD = {"id": "names-feeling", "level": "good", "message": "You named a feeling."}
SHAPES = [
    ("feedback-result", Feedback().good("names-feeling", "Yes.").result(meets_goal=True), None),
    ("no-observations", {"meets_goal": False, "observations": []}, None),
    ("bool", True, RESULT.format("bool")),
    ("none", None, RESULT.format("NoneType")),
    ("feedback-object", Feedback(), RESULT.format("Feedback")),
    ("missing-observations", {"meets_goal": True}, KEYS.format("missing 'observations'")),
    ("extra-key", {"meets_goal": True, "observations": [], "score": 1}, KEYS.format("unexpected 'score'")),
    ("meets-goal-string", {"meets_goal": "yes", "observations": []}, "'meets_goal' must be True or False."),
    ("meets-goal-number", {"meets_goal": 1, "observations": []}, "'meets_goal' must be True or False."),
    ("observations-tuple", {"meets_goal": True, "observations": (GOOD,)}, "'observations' must be a list."),
    ("observation-string", {"meets_goal": True, "observations": ["Good."]},
     "observation 1 must have exactly 'id', 'level' and 'message'."),
    ("observation-missing-message", {"meets_goal": True, "observations": [
        GOOD, {"id": "x", "level": "tip"}]}, "observation 2 must have exactly 'id', 'level' and 'message'."),
    ("level-warning", {"meets_goal": False, "observations": [{**GOOD, "level": "warning"}]},
     "observation 1 has level 'warning'; use one of good, tip, concern."),
    ("id-with-spaces", {"meets_goal": True, "observations": [GOOD, {**GOOD, "id": "Names feeling"}]},
     "observation 2 needs an id of lower-case words joined by hyphens."),
    ("id-number", {"meets_goal": True, "observations": [{**GOOD, "id": 3}]},
     "observation 1 needs an id of lower-case words joined by hyphens."),
    ("blank-message", {"meets_goal": True, "observations": [{**GOOD, "message": "  "}]},
     "observation 1 needs a message."),
]


@pytest.mark.parametrize(("result", "message"), [case[1:] for case in SHAPES],
                         ids=[case[0] for case in SHAPES])
def test_shape_problem(result, message):
    assert shape_problem(result) == message
